package io.niows.internal.handshake;

/**
 * The server's answer to a client's opening handshake was not an acceptable WebSocket upgrade
 * (RFC 6455 §4.1: "the client MUST _Fail the WebSocket Connection_").
 *
 * <p>Carries the HTTP status when the failure is the status itself (anything but 101), or
 * {@code -1} when the status was 101 and a header was wrong. Its message is one line meant for a
 * log or for the user. Immutable once thrown; the stack trace is not filled in, since the cause is
 * the peer's bytes, not this program's call path.
 */
public final class HandshakeFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** Status of a failure that is not about the HTTP status. */
    public static final int NO_STATUS = -1;

    private final int status;

    /**
     * @param status the HTTP status that made the handshake fail, or {@link #NO_STATUS}
     * @param message a one-line reason
     */
    public HandshakeFailure(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The HTTP status the server answered when that is the failure, otherwise {@code -1}. */
    public int status() {
        return status;
    }
}
