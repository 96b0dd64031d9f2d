package io.niows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A plain HTTP response written by an {@link HttpHandler}. The server adds
 * {@code Content-Length} and {@code Connection: close}.
 *
 * <p>Immutable and thread-safe (the body array is not copied: do not change it afterwards).
 */
public final class HttpResponse {

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final List<String[]> headers;

    private HttpResponse(int status, String contentType, byte[] body, List<String[]> headers) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.headers = headers;
    }

    /**
     * A response with a body.
     *
     * @param status the HTTP status, such as 200
     * @param contentType the {@code Content-Type}, such as {@code text/html; charset=utf-8}
     * @param body the body bytes
     */
    public static HttpResponse of(int status, String contentType, byte[] body) {
        return new HttpResponse(status, Objects.requireNonNull(contentType, "contentType"),
                Objects.requireNonNull(body, "body"), List.of());
    }

    /** A plain-text response whose body is {@code text} and a line feed. */
    public static HttpResponse text(int status, String text) {
        return of(status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** This response with one more header. */
    public HttpResponse withHeader(String name, String value) {
        List<String[]> more = new ArrayList<>(headers);
        more.add(new String[] {Objects.requireNonNull(name), Objects.requireNonNull(value)});
        return new HttpResponse(status, contentType, body, Collections.unmodifiableList(more));
    }

    /** The status. */
    public int status() {
        return status;
    }

    /** The {@code Content-Type}. */
    public String contentType() {
        return contentType;
    }

    /** The body; do not modify it. */
    public byte[] body() {
        return body;
    }

    /** Extra headers, as name-value pairs. */
    public List<String[]> headers() {
        return headers;
    }
}
