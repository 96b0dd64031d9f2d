package io.niows.protocol;

import io.niows.internal.handshake.HeadWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a server answers to a request head: a 101 that opens the WebSocket connection, or an HTTP
 * response after which the connection closes (a refusal with a one-line plain-text reason, or any
 * response to a plain HTTP request).
 *
 * <p>Immutable and thread-safe (a response's body array is not copied: do not change it
 * afterwards). Nothing given to it can split the head: see {@link Header}.
 */
public final class HandshakeAnswer {

    /** The headers that frame the response, written by the engine alone: a second copy could reframe it. */
    private static final Set<String> ENGINE_HEADERS = Set.of("content-type", "content-length", "transfer-encoding",
            "connection", "upgrade", "sec-websocket-accept", "sec-websocket-protocol", "sec-websocket-extensions");
    private static final String TEXT = "text/plain; charset=utf-8";

    private final int status;
    private final String subprotocol;
    private final String reason;
    private final String contentType;
    private final byte[] body;
    private final List<Header> headers;

    private HandshakeAnswer(int status, String subprotocol, String reason, String contentType, byte[] body,
            List<Header> headers) {
        this.status = status;
        this.subprotocol = subprotocol;
        this.reason = reason;
        this.contentType = contentType;
        this.body = body;
        this.headers = headers;
    }

    /**
     * Accepts the upgrade (RFC 6455 §4.2.2).
     *
     * @param subprotocolOrNull a subprotocol the client offered, or {@code null} for none; one it
     *     did not offer makes the engine answer 500 instead
     * @return the acceptance
     */
    public static HandshakeAnswer accept(String subprotocolOrNull) {
        return new HandshakeAnswer(101, subprotocolOrNull, null, null, null, List.of());
    }

    /**
     * Refuses with an error status and a one-line reason, sent as the plain-text body.
     *
     * @param status 400 to 599
     * @param reason one line of plain text, no CR or LF
     * @return the refusal
     * @throws IllegalArgumentException for another status or a reason with CR or LF
     */
    public static HandshakeAnswer refuse(int status, String reason) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        if (reason.indexOf('\r') >= 0 || reason.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a reason is one line");
        }
        return new HandshakeAnswer(status, null, reason, TEXT, (reason + "\n").getBytes(StandardCharsets.UTF_8),
                List.of());
    }

    /**
     * Any final response, for a plain HTTP request. The engine adds {@code Content-Type}, {@code
     * Content-Length} and {@code Connection: close}, and leaves the body out for {@code HEAD}.
     *
     * @param status 200 to 599
     * @param contentType the {@code Content-Type}, such as {@code text/html; charset=utf-8}
     * @param body the body bytes, not copied
     * @return the response
     * @throws IllegalArgumentException for another status, or a content type that is not a valid
     *     header value
     */
    public static HandshakeAnswer respond(int status, String contentType, byte[] body) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("not the status of a final response: " + status);
        }
        HeadWriter.checkHeader("Content-Type", Objects.requireNonNull(contentType, "contentType"));
        return new HandshakeAnswer(status, null, null, contentType, Objects.requireNonNull(body, "body"), List.of());
    }

    /**
     * This answer with one more header, such as {@code Set-Cookie} on a 101 or {@code Retry-After}
     * on a 503.
     *
     * @param name the header's name, a token
     * @param value the header's value
     * @return a new answer; this one is unchanged
     * @throws IllegalArgumentException as {@link Header}, or for a header the engine writes itself
     *     ({@code Content-Type}, {@code Content-Length}, {@code Transfer-Encoding}, {@code
     *     Connection}, {@code Upgrade} on a 101, the {@code Sec-WebSocket-*} answers)
     */
    public HandshakeAnswer withHeader(String name, String value) {
        Header header = new Header(name, value);
        String lower = name.toLowerCase(Locale.ROOT);
        if (ENGINE_HEADERS.contains(lower) && (status == 101 || !lower.equals("upgrade"))) {
            throw new IllegalArgumentException(name + " is written by the engine");
        }
        List<Header> more = new ArrayList<>(headers);
        more.add(header);
        return new HandshakeAnswer(status, subprotocol, reason, contentType, body, List.copyOf(more));
    }

    /** {@return whether this answer opens the connection (101)} */
    public boolean accepted() {
        return status == 101;
    }

    /** {@return 101, or the HTTP status of the response} */
    public int status() {
        return status;
    }

    /** {@return the agreed subprotocol of an acceptance, or {@code null}} */
    public String subprotocol() {
        return subprotocol;
    }

    /** {@return the reason of a refusal, or {@code null}} */
    public String reason() {
        return reason;
    }

    /** {@return the {@code Content-Type} of a response that is not a 101, else {@code null}} */
    public String contentType() {
        return contentType;
    }

    /** {@return the body of a response that is not a 101 (not copied: do not modify it), else {@code null}} */
    public byte[] body() {
        return body;
    }

    /** {@return the extra headers, in the order added; unmodifiable} */
    public List<Header> headers() {
        return headers;
    }

    /** The bytes of a response that is not a 101: head, and the body unless {@code withBody} is false. */
    ByteBuffer encodeResponse(boolean withBody) {
        HeadWriter head = HeadWriter.response(status)
                .header("Content-Type", contentType)
                .header("Content-Length", Integer.toString(body.length))
                .header("Connection", "close");
        return writeHeaders(head, headers).finish(withBody ? body : new byte[0]);
    }

    /** Adds {@code headers} to a head being written. */
    static HeadWriter writeHeaders(HeadWriter head, List<Header> headers) {
        for (Header h : headers) {
            head.header(h.name(), h.value());
        }
        return head;
    }

    @Override
    public String toString() {
        return accepted() ? "101 subprotocol=" + subprotocol : status + (reason != null ? " " + reason : "");
    }
}
