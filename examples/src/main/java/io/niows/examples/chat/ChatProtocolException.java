package io.niows.examples.chat;

/**
 * A client message the room refuses, with the {@code code} and text of the {@code error}
 * message that tells the client why.
 *
 * <p>Immutable and thread-safe.
 */
public final class ChatProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code a short machine-readable code, such as {@code name-taken}
     * @param text one sentence for a person
     */
    public ChatProtocolException(String code, String text) {
        super(text);
        this.code = code;
    }

    /** The machine-readable code. */
    public String code() {
        return code;
    }
}
