package io.niows.spectests.deflate;

/** A compressed message inflates to more than the fuzzer accepts (close code 1009). */
public final class MessageTooBigException extends Exception {
    private static final long serialVersionUID = 1L;

    public MessageTooBigException(String message) {
        super(message);
    }
}
