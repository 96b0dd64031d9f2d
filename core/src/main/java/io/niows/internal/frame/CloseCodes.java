package io.niows.internal.frame;

/**
 * The close status codes (RFC 6455 §7.4) that niows itself sends, checks or reports, and the one
 * rule on which codes a close frame may carry. The public type is {@link io.niows.CloseCode}: it
 * takes its constants and its rule from here, so each number is written once; this class exists
 * so that the codec, the protocol and the reactor need not import the public API package.
 *
 * <p>Constants and a static function only; thread-safe.
 */
public final class CloseCodes {

    /** 1001: the endpoint is going away (shutdown, idle timeout). */
    public static final int GOING_AWAY = 1001;
    /** 1002: the peer broke the protocol. */
    public static final int PROTOCOL_ERROR = 1002;
    /** 1005: reported for a close frame without a code; never in a close frame. */
    public static final int NO_STATUS_RECEIVED = 1005;
    /** 1006: reported when the connection ended without a close frame; never in a close frame. */
    public static final int ABNORMAL_CLOSURE = 1006;
    /** 1007: data inconsistent with its type, such as invalid UTF-8 in a text message. */
    public static final int INVALID_PAYLOAD = 1007;
    /** 1008: a message or a peer broke this endpoint's policy (a send queue limit, say). */
    public static final int POLICY_VIOLATION = 1008;
    /** 1009: a frame or message too big to process. */
    public static final int MESSAGE_TOO_BIG = 1009;
    /** 1011: an unexpected condition here, such as a handler error. */
    public static final int INTERNAL_ERROR = 1011;
    /** 1013: try again later (the server's memory budget is spent). */
    public static final int TRY_AGAIN_LATER = 1013;

    private CloseCodes() {}

    /**
     * Whether a close frame may carry {@code code}, in either direction: 1000-1003 and 1007-1014
     * (RFC 6455 §7.4.1 and the IANA registry, which added 1012-1014), and 3000-4999 (§7.4.2:
     * registered libraries and applications, then private use). Not below 1000; not 1004
     * (reserved); not 1005, 1006 or 1015, which §7.4.1 says "MUST NOT be set as a status code in
     * a Close control frame by an endpoint"; not 1016-2999 (reserved for the protocol) nor 5000
     * and above. An endpoint that receives a close frame with another code fails the connection
     * with 1002.
     */
    public static boolean validInCloseFrame(int code) {
        return (code >= 1000 && code <= 1003)
                || (code >= 1007 && code <= 1014)
                || (code >= 3000 && code <= 4999);
    }
}
