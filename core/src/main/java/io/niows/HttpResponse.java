package io.niows;

import io.niows.protocol.HandshakeAnswer;
import io.niows.protocol.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;

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

    /** The same response as the protocol writes it: its one set of checks and its one encoder. */
    private final HandshakeAnswer answer;

    private HttpResponse(HandshakeAnswer answer) {
        this.answer = answer;
    }

    /**
     * A response with a body.
     *
     * @param status the HTTP status of a final response, 200 to 599
     * @param contentType the {@code Content-Type}, such as {@code text/html; charset=utf-8}
     * @param body the body bytes
     * @return the response
     * @throws IllegalArgumentException for another status, or a content type that is not a valid
     *     header value
     */
    public static HttpResponse of(int status, String contentType, byte[] body) {
        return new HttpResponse(HandshakeAnswer.respond(status, contentType, body));
    }

    /**
     * A plain-text response whose body is {@code text} and a line feed.
     *
     * @param status the HTTP status, as in {@link #of}
     * @param text the body, without its final line feed
     * @return the response
     * @throws IllegalArgumentException for a status {@link #of} refuses
     */
    public static HttpResponse text(int status, String text) {
        return of(status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * This response with one more header.
     *
     * @param name the header's name, a token
     * @param value the header's value
     * @return a new response; this one is unchanged
     * @throws IllegalArgumentException if the name is not a token, the value holds CR, LF, NUL,
     *     another control or a character outside ISO-8859-1, or the name is one the server writes
     *     itself ({@code Content-Type}, {@code Content-Length}, {@code Transfer-Encoding},
     *     {@code Connection}, the {@code Sec-WebSocket-*} answers)
     */
    public HttpResponse withHeader(String name, String value) {
        return new HttpResponse(answer.withHeader(name, value));
    }

    /** {@return the status} */
    public int status() {
        return answer.status();
    }

    /** {@return the {@code Content-Type}} */
    public String contentType() {
        return answer.contentType();
    }

    /** {@return the body; do not modify it} */
    public byte[] body() {
        return answer.body();
    }

    /** {@return the headers added with {@link #withHeader}, in the order added, as an unmodifiable list} */
    public List<Header> headers() {
        return answer.headers();
    }

    /** What the server writes. */
    HandshakeAnswer answer() {
        return answer;
    }
}
