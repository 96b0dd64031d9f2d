package io.niows;

import io.niows.internal.handshake.HeadWriter;
import io.niows.protocol.Header;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A plain HTTP response written by an {@link HttpHandler}. The server adds
 * {@code Content-Length} and {@code Connection: close}.
 *
 * <p>Nothing given to it can split the response: header names must be tokens and values (the
 * content type included) visible ISO-8859-1 characters, spaces and tabs, with no CR, LF, NUL or
 * other control (RFC 9110 §5.1, §5.5); anything else is refused with an
 * {@link IllegalArgumentException} when the response is made.
 *
 * <p>Immutable and thread-safe (the body array is not copied: do not change it afterwards).
 */
public final class HttpResponse {

    /** The headers that frame the body, written by the server alone: a second copy could reframe it. */
    private static final Set<String> SERVER_HEADERS =
            Set.of("content-type", "content-length", "transfer-encoding", "connection");

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final List<Header> headers;

    private HttpResponse(int status, String contentType, byte[] body, List<Header> headers) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.headers = headers;
    }

    /**
     * A response with a body.
     *
     * @param status the HTTP status of a final response, 200 to 599
     * @param contentType the {@code Content-Type}, such as {@code text/html; charset=utf-8}
     * @param body the body bytes
     * @throws IllegalArgumentException for another status, or a content type that is not a valid
     *     header value
     */
    public static HttpResponse of(int status, String contentType, byte[] body) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("not the status of a final response: " + status);
        }
        HeadWriter.checkHeader("Content-Type", Objects.requireNonNull(contentType, "contentType"));
        return new HttpResponse(status, contentType, Objects.requireNonNull(body, "body"), List.of());
    }

    /** A plain-text response whose body is {@code text} and a line feed; the status as in {@link #of}. */
    public static HttpResponse text(int status, String text) {
        return of(status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * This response with one more header.
     *
     * @throws IllegalArgumentException if the name is not a token, the value holds CR, LF, NUL,
     *     another control or a character outside ISO-8859-1, or the name is one the server writes
     *     itself ({@code Content-Type}, {@code Content-Length}, {@code Transfer-Encoding},
     *     {@code Connection})
     */
    public HttpResponse withHeader(String name, String value) {
        Header header = new Header(name, value);
        if (SERVER_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(name + " is written by the server");
        }
        List<Header> more = new ArrayList<>(headers);
        more.add(header);
        return new HttpResponse(status, contentType, body, List.copyOf(more));
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

    /** The headers added with {@link #withHeader}, in the order added; an unmodifiable list. */
    public List<Header> headers() {
        return headers;
    }
}
