package io.niows.protocol;

/**
 * The status codes of a close frame (RFC 6455 §7.4) and which of them may be sent and received.
 *
 * <p>Valid on the wire: 1000-1003, 1007-1014 (the IANA registry as of writing; 1012-1014 were
 * added after the RFC) and 3000-4999 (registered libraries and frameworks, then private use).
 * Never valid on the wire: below 1000, 1004 (reserved), 1005, 1006 and 1015 (RFC 6455 §7.4.1:
 * they "MUST NOT be set as a status code in a Close control frame by an endpoint"), 1016-2999
 * (reserved for future protocol revisions) and 5000 and above.
 *
 * <p>Constants and static functions only; thread-safe.
 */
public final class CloseCode {

    /** 1000: the purpose of the connection is fulfilled. */
    public static final int NORMAL_CLOSURE = 1000;
    /** 1001: the endpoint is going away (server shutting down, page left). */
    public static final int GOING_AWAY = 1001;
    /** 1002: the peer broke the protocol. */
    public static final int PROTOCOL_ERROR = 1002;
    /** 1003: a data type the endpoint cannot accept. */
    public static final int UNSUPPORTED_DATA = 1003;
    /** 1005: reported when the close frame carried no code; never sent. */
    public static final int NO_STATUS_RECEIVED = 1005;
    /** 1006: reported when the connection ended without a close frame; never sent. */
    public static final int ABNORMAL_CLOSURE = 1006;
    /** 1007: message data inconsistent with its type, such as invalid UTF-8 in text. */
    public static final int INVALID_PAYLOAD = 1007;
    /** 1008: a message violates the endpoint's policy. */
    public static final int POLICY_VIOLATION = 1008;
    /** 1009: a message too big to process. */
    public static final int MESSAGE_TOO_BIG = 1009;
    /** 1010: the client expected an extension the server did not negotiate. */
    public static final int MANDATORY_EXTENSION = 1010;
    /** 1011: the server met an unexpected condition (a handler error). */
    public static final int INTERNAL_ERROR = 1011;
    /** 1012: the service is restarting. */
    public static final int SERVICE_RESTART = 1012;
    /** 1013: try again later (temporary overload). */
    public static final int TRY_AGAIN_LATER = 1013;
    /** 1014: a gateway received an invalid response upstream. */
    public static final int BAD_GATEWAY = 1014;
    /** 1015: reported when the TLS handshake failed; never sent. */
    public static final int TLS_HANDSHAKE = 1015;

    private static final String[] NAMES = {
        "NORMAL_CLOSURE", "GOING_AWAY", "PROTOCOL_ERROR", "UNSUPPORTED_DATA", "1004",
        "NO_STATUS_RECEIVED", "ABNORMAL_CLOSURE", "INVALID_PAYLOAD", "POLICY_VIOLATION",
        "MESSAGE_TOO_BIG", "MANDATORY_EXTENSION", "INTERNAL_ERROR", "SERVICE_RESTART",
        "TRY_AGAIN_LATER", "BAD_GATEWAY", "TLS_HANDSHAKE"
    };

    private CloseCode() {}

    /**
     * Whether a close frame carrying {@code code} is acceptable. RFC 6455 §7.4: codes outside the
     * defined ranges, and the ones reserved for reporting (1005, 1006, 1015), fail the connection
     * with 1002 when received.
     */
    public static boolean mayReceive(int code) {
        return (code >= NORMAL_CLOSURE && code <= UNSUPPORTED_DATA)
                || (code >= INVALID_PAYLOAD && code <= BAD_GATEWAY)
                || (code >= 3000 && code <= 4999);
    }

    /** Whether this endpoint may put {@code code} in a close frame: the same set as {@link #mayReceive}. */
    public static boolean maySend(int code) {
        return mayReceive(code);
    }

    /** The constant's name for a defined code ({@code "NORMAL_CLOSURE"}), else the number ({@code "3000"}). */
    public static String name(int code) {
        if (code >= NORMAL_CLOSURE && code <= TLS_HANDSHAKE) {
            return NAMES[code - NORMAL_CLOSURE];
        }
        return Integer.toString(code);
    }
}
