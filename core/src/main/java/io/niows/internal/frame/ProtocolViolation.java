package io.niows.internal.frame;

/**
 * The peer broke RFC 6455: the connection must be failed (RFC 6455 §7.1.7) with {@link
 * #closeCode()}. One exception type, one factory per close code; the engine turns it into the
 * close frame in one place.
 *
 * <p>The message is short, safe to send to the peer as the close reason (at most 123 bytes of
 * ASCII). No stack trace is filled in: the violation is the peer's, not a bug here.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProtocolViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int closeCode;

    private ProtocolViolation(int closeCode, String reason) {
        super(reason, null, false, false);
        this.closeCode = closeCode;
    }

    /** A frame broke a framing rule: 1002 (RFC 6455 §7.4.1). */
    public static ProtocolViolation protocolError(String reason) {
        return new ProtocolViolation(CloseCodes.PROTOCOL_ERROR, reason);
    }

    /** A text message or close reason was not valid UTF-8: 1007 (RFC 6455 §8.1). */
    public static ProtocolViolation invalidPayload(String reason) {
        return new ProtocolViolation(CloseCodes.INVALID_PAYLOAD, reason);
    }

    /** A frame or message was larger than this endpoint accepts: 1009 (RFC 6455 §7.4.1). */
    public static ProtocolViolation messageTooBig(String reason) {
        return new ProtocolViolation(CloseCodes.MESSAGE_TOO_BIG, reason);
    }

    /** The close code to fail the connection with. */
    public int closeCode() {
        return closeCode;
    }
}
