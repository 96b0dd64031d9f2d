package io.niows;

import io.niows.internal.frame.CloseCodes;

/**
 * The status codes of a WebSocket close (RFC 6455 §7.4, with the IANA "WebSocket Close Code
 * Number" registry), and which of them may be sent and which may be reported.
 *
 * <table class="striped">
 * <caption>Close codes: may an endpoint send it in a close frame, may an application see it in
 * {@link WebSocketHandler#onClose}</caption>
 * <thead>
 * <tr><th scope="col">Code</th><th scope="col">Constant</th><th scope="col">Meaning</th>
 *     <th scope="col">{@link #maySend}</th><th scope="col">{@link #mayReceive}</th></tr>
 * </thead>
 * <tbody>
 * <tr><td>0-999</td><td></td><td>not used</td><td>no</td><td>no</td></tr>
 * <tr><td>1000</td><td>{@link #NORMAL_CLOSURE}</td><td>purpose fulfilled</td><td>yes</td><td>yes</td></tr>
 * <tr><td>1001</td><td>{@link #GOING_AWAY}</td><td>endpoint going away</td><td>yes</td><td>yes</td></tr>
 * <tr><td>1002</td><td>{@link #PROTOCOL_ERROR}</td><td>protocol error</td><td>yes</td><td>yes</td></tr>
 * <tr><td>1003</td><td>{@link #UNSUPPORTED_DATA}</td><td>data type not accepted</td><td>yes</td><td>yes</td></tr>
 * <tr><td>1004</td><td></td><td>reserved</td><td>no</td><td>no</td></tr>
 * <tr><td>1005</td><td>{@link #NO_STATUS_RECEIVED}</td><td>the close frame had no code</td><td>no</td><td>yes</td></tr>
 * <tr><td>1006</td><td>{@link #ABNORMAL_CLOSURE}</td><td>no close frame at all</td><td>no</td><td>yes</td></tr>
 * <tr><td>1007</td><td>{@link #INVALID_PAYLOAD}</td><td>data inconsistent with its type</td><td>yes</td><td>yes</td></tr>
 * <tr><td>1008</td><td>{@link #POLICY_VIOLATION}</td><td>policy violated</td><td>yes</td><td>yes</td></tr>
 * <tr><td>1009</td><td>{@link #MESSAGE_TOO_BIG}</td><td>message too big</td><td>yes</td><td>yes</td></tr>
 * <tr><td>1010</td><td>{@link #MANDATORY_EXTENSION}</td><td>extension expected, not negotiated</td><td>yes</td><td>yes</td></tr>
 * <tr><td>1011</td><td>{@link #INTERNAL_ERROR}</td><td>unexpected condition</td><td>yes</td><td>yes</td></tr>
 * <tr><td>1012</td><td>{@link #SERVICE_RESTART}</td><td>service restarting (IANA)</td><td>yes</td><td>yes</td></tr>
 * <tr><td>1013</td><td>{@link #TRY_AGAIN_LATER}</td><td>try again later (IANA)</td><td>yes</td><td>yes</td></tr>
 * <tr><td>1014</td><td>{@link #BAD_GATEWAY}</td><td>bad gateway (IANA)</td><td>yes</td><td>yes</td></tr>
 * <tr><td>1015</td><td>{@link #TLS_HANDSHAKE}</td><td>TLS handshake failed</td><td>no</td><td>yes</td></tr>
 * <tr><td>1016-2999</td><td></td><td>reserved for the protocol</td><td>no</td><td>no</td></tr>
 * <tr><td>3000-3999</td><td></td><td>registered by libraries, frameworks, applications</td><td>yes</td><td>yes</td></tr>
 * <tr><td>4000-4999</td><td></td><td>private use</td><td>yes</td><td>yes</td></tr>
 * <tr><td>5000 and above</td><td></td><td>not a close code</td><td>no</td><td>no</td></tr>
 * </tbody>
 * </table>
 *
 * <p>The two checks differ at exactly 1005, 1006 and 1015. RFC 6455 §7.4.1 says these "MUST NOT
 * be set as a status code in a Close control frame by an endpoint": they exist to be reported to
 * an application, by the endpoint itself, about a close frame without a code, a connection that
 * ended without a close frame, or a failed TLS handshake. A close frame that <em>carries</em>
 * one of them, like one that carries any other code {@link #maySend} refuses, is a protocol
 * error: niows fails that connection with 1002.
 *
 * <p>Constants and static functions only; thread-safe.
 */
public final class CloseCode {

    /** 1000: the purpose of the connection is fulfilled. */
    public static final int NORMAL_CLOSURE = 1000;
    /** 1001: the endpoint is going away (server shutting down, page left). */
    public static final int GOING_AWAY = CloseCodes.GOING_AWAY;
    /** 1002: the peer broke the protocol. */
    public static final int PROTOCOL_ERROR = CloseCodes.PROTOCOL_ERROR;
    /** 1003: a data type the endpoint cannot accept. */
    public static final int UNSUPPORTED_DATA = 1003;
    /** 1005: reported when the close frame carried no code; never sent. */
    public static final int NO_STATUS_RECEIVED = CloseCodes.NO_STATUS_RECEIVED;
    /** 1006: reported when the connection ended without a close frame; never sent. */
    public static final int ABNORMAL_CLOSURE = CloseCodes.ABNORMAL_CLOSURE;
    /** 1007: message data inconsistent with its type, such as invalid UTF-8 in text. */
    public static final int INVALID_PAYLOAD = CloseCodes.INVALID_PAYLOAD;
    /** 1008: a message violates the endpoint's policy. */
    public static final int POLICY_VIOLATION = CloseCodes.POLICY_VIOLATION;
    /** 1009: a message too big to process. */
    public static final int MESSAGE_TOO_BIG = CloseCodes.MESSAGE_TOO_BIG;
    /** 1010: the client expected an extension the server did not negotiate. */
    public static final int MANDATORY_EXTENSION = 1010;
    /** 1011: the server met an unexpected condition (a handler error). */
    public static final int INTERNAL_ERROR = CloseCodes.INTERNAL_ERROR;
    /** 1012: the service is restarting. */
    public static final int SERVICE_RESTART = 1012;
    /** 1013: try again later (temporary overload). */
    public static final int TRY_AGAIN_LATER = CloseCodes.TRY_AGAIN_LATER;
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
     * Tells whether an endpoint may put {@code code} in a close frame: 1000-1003, 1007-1014 and
     * 3000-4999 (see the table above). {@link WebSocket#close(int, String)} refuses any other code
     * with {@link IllegalArgumentException}, and a close frame received with any other code fails
     * the connection with 1002.
     *
     * @param code a close code
     * @return whether a close frame may carry it
     */
    public static boolean maySend(int code) {
        return CloseCodes.validInCloseFrame(code);
    }

    /**
     * Whether {@code code} may be reported to an application as the code a connection closed
     * with: every code {@link #maySend} allows, plus 1005, 1006 and 1015, which an endpoint
     * reports but never sends. A close frame that carries 1005, 1006 or 1015 is itself a protocol
     * error; the connection fails with 1002.
     *
     * @param code a close code
     * @return whether a connection may report having closed with it
     */
    public static boolean mayReceive(int code) {
        return maySend(code) || code == NO_STATUS_RECEIVED || code == ABNORMAL_CLOSURE || code == TLS_HANDSHAKE;
    }

    /**
     * Names a close code, for logs and messages.
     *
     * @param code a close code
     * @return the constant's name for a defined code ({@code "NORMAL_CLOSURE"}), else the number
     *     ({@code "3000"})
     */
    public static String name(int code) {
        if (code >= NORMAL_CLOSURE && code <= TLS_HANDSHAKE) {
            return NAMES[code - NORMAL_CLOSURE];
        }
        return Integer.toString(code);
    }
}
