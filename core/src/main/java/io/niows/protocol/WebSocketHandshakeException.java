package io.niows.protocol;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A client's opening handshake failed: the server answered with something other than a valid
 * 101 (RFC 6455 §4.1), or did not answer in time.
 *
 * <p>Immutable and thread-safe.
 */
public final class WebSocketHandshakeException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The answer's HTTP status, or -1. */
    private final int status;
    private final transient Map<String, List<String>> headers;
    /** The start of the answer's body, at most 4 KiB. */
    private final byte[] body;

    /**
     * A failed handshake.
     *
     * @param status the HTTP status the server answered with, or -1 when the failure is not a status
     * @param message one line saying what was wrong
     * @param headers the response's headers (empty if none came)
     * @param body the start of the response body that arrived with the head (at most 4 KiB)
     */
    public WebSocketHandshakeException(int status, String message, Map<String, List<String>> headers, byte[] body) {
        super(message);
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.body = body.clone();
    }

    /** {@return the HTTP status of the answer, or -1 when the failure was not an HTTP status} */
    public int status() {
        return status;
    }

    /** {@return the answer's headers, unmodifiable; empty if none came} */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** {@return a copy of the start of the answer's body that arrived with its head (at most 4 KiB)} */
    public byte[] body() {
        return body.clone();
    }
}
