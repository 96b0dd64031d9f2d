package io.niows.internal.handshake;

import java.util.List;
import java.util.Map;

/**
 * The head of an HTTP/1.1 request as received (RFC 7230 §3.1.1 and §3.2): request line and
 * header fields, nothing decoded.
 *
 * <p>Immutable and thread-safe.
 */
public final class HttpRequest {

    private final String method;
    private final String target;
    private final String version;
    private final HttpHeaders headers;

    HttpRequest(String method, String target, String version, HttpHeaders headers) {
        this.method = method;
        this.target = target;
        this.version = version;
        this.headers = headers;
    }

    /** The method, case-sensitive as RFC 7230 §3.1.1 says, e.g. {@code GET}. */
    public String method() {
        return method;
    }

    /** The request-target exactly as received, e.g. {@code /chat?room=1}. */
    public String target() {
        return target;
    }

    /**
     * The path of the target, raw (not percent-decoded), without the query: for the origin form
     * ({@code /chat?room=1}) the part before {@code ?}; for the absolute form
     * ({@code http://host/chat}) the path after the authority, {@code /} when empty; any other
     * form as received.
     */
    public String path() {
        return pathOf(target);
    }

    /** The query, raw, without its {@code ?}; {@code null} when the target has none. */
    public String query() {
        return queryOf(target);
    }

    /** The path of a request-target, as {@link #path()} says. */
    public static String pathOf(String target) {
        int queryStart = target.indexOf('?');
        String beforeQuery = queryStart < 0 ? target : target.substring(0, queryStart);
        int scheme = beforeQuery.indexOf("://");
        if (beforeQuery.startsWith("/") || scheme < 0) {
            return beforeQuery;
        }
        int pathStart = beforeQuery.indexOf('/', scheme + 3);
        return pathStart < 0 ? "/" : beforeQuery.substring(pathStart);
    }

    /** The query of a request-target, as {@link #query()} says. */
    public static String queryOf(String target) {
        int queryStart = target.indexOf('?');
        return queryStart < 0 ? null : target.substring(queryStart + 1);
    }

    /**
     * The head written out again: request line, one line per header value in the order
     * received, and the empty line. Parsing it gives an equal request; it is the compact form a
     * connection keeps instead of the parsed fields.
     */
    public String toHead() {
        StringBuilder head = new StringBuilder(256)
                .append(method).append(' ').append(target).append(' ').append(version).append("\r\n");
        headers.headerMap().forEach((name, values) -> {
            for (String value : values) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        return head.append("\r\n").toString();
    }

    /** The HTTP version, e.g. {@code HTTP/1.1}. */
    public String version() {
        return version;
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
        return method + " " + target + " " + version + " " + headers;
    }
}
