package io.niows.internal.handshake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An opening handshake refused with an HTTP error status (RFC 6455 §4.2.1: "the server MUST stop
 * processing the client's handshake and return an HTTP response with an appropriate error code
 * (such as 400 Bad Request)"): its status, reason and extra headers, which the protocol engine
 * writes as the response.
 *
 * <p>The reason is one line of plain text naming the rule broken; it becomes the response body.
 * Immutable once constructed, so it may be shared between threads. The stack trace is not filled
 * in: a bad request is the peer's doing, not this program's call path, and it must stay cheap
 * under a flood of them.
 *
 * <p>When thrown by {@link HttpResponseParser}, the status classifies what was wrong with the
 * server's response; the client never sends it.
 */
public final class HttpError extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;
    private final Map<String, String> extraHeaders;

    /** An error with no header beyond the usual ones. */
    public HttpError(int status, String reason) {
        this(status, reason, Map.of());
    }

    /**
     * @param status an HTTP status code, 400 to 599
     * @param reason one line of plain text, no CR or LF
     * @param extraHeaders headers to add to the response, name to value, in the map's order
     */
    public HttpError(int status, String reason, Map<String, String> extraHeaders) {
        super(status + " " + reason, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        if (reason.indexOf('\r') >= 0 || reason.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("reason must be one line");
        }
        this.status = status;
        this.reason = reason;
        this.extraHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(extraHeaders));
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The one-line reason, plain text. */
    public String reason() {
        return reason;
    }

    /** Headers the response must carry besides the usual ones, name to value, in order; unmodifiable. */
    public Map<String, String> extraHeaders() {
        return extraHeaders;
    }
}
