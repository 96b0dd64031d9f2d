package io.niows.examples.json;

/**
 * Input that is not valid JSON (RFC 8259), or a value the writer cannot represent.
 *
 * <p>Immutable and thread-safe.
 */
public final class JsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int offset;

    /**
     * @param message what is wrong, for a person
     * @param offset the offset in the input (in chars) where it went wrong, or -1 when writing
     */
    public JsonException(String message, int offset) {
        super(offset >= 0 ? message + " at offset " + offset : message);
        this.offset = offset;
    }

    /** The offset in the input where the error was found, or -1 for a writer error. */
    public int offset() {
        return offset;
    }
}
