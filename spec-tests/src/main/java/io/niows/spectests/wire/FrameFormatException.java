package io.niows.spectests.wire;

/**
 * The byte stream cannot be split into frames at all (a 64-bit length with the top bit
 * set, or a frame larger than the reader accepts). Not used for RFC rule violations.
 *
 * <p>Immutable and thread-safe.
 */
public final class FrameFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public FrameFormatException(String message) {
        super(message);
    }
}
