package io.niows.internal.handshake;

import java.util.List;
import java.util.Map;

/**
 * The head of an HTTP/1.1 response as received by the client (RFC 7230 §3.1.2 and §3.2): status
 * line and header fields.
 *
 * <p>Immutable and thread-safe.
 */
public final class HttpResponseHead {

    private final String version;
    private final int status;
    private final String reason;
    private final HttpHeaders headers;

    HttpResponseHead(String version, int status, String reason, HttpHeaders headers) {
        this.version = version;
        this.status = status;
        this.reason = reason;
        this.headers = headers;
    }

    /** The HTTP version, e.g. {@code HTTP/1.1}. */
    public String version() {
        return version;
    }

    /** The three-digit status code. */
    public int status() {
        return status;
    }

    /** The reason phrase as received, possibly empty. */
    public String reason() {
        return reason;
    }

    /** The header fields. */
    public HttpHeaders headers() {
        return headers;
    }

    /** The first value of the named header, ignoring case, or {@code null}. */
    public String header(String name) {
        return headers.header(name);
    }

    /** Every value of the named header, ignoring case, in order; empty when absent. */
    public List<String> headerValues(String name) {
        return headers.headerValues(name);
    }

    /** Every header, in order, keyed by the name as first received. */
    public Map<String, List<String>> headerMap() {
        return headers.headerMap();
    }

    @Override
    public String toString() {
        return version + " " + status + " " + reason + " " + headers;
    }
}
