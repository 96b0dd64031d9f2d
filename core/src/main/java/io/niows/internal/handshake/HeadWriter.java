package io.niows.internal.handshake;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes an HTTP/1.1 head (RFC 9110, RFC 9112 §2): a start line, header lines, the empty line.
 * Every head niows sends goes through it: the opening handshake's request and answers, the
 * handshake's error answers and the responses of a fallback {@code HttpHandler}.
 *
 * <p>Refuses names that are not tokens and values holding control characters, so that no caller
 * can split the head by smuggling a CR or LF into it. Not thread-safe; one per head.
 *
 * <p>Headers come in as names and values, not as the public {@code io.niows.protocol.Header}:
 * that record checks itself with {@link #checkHeader}, and this package sits below the protocol
 * layer, so importing it back would make a package cycle.
 */
public final class HeadWriter {

    private final StringBuilder head = new StringBuilder(256);

    HeadWriter(String startLine) {
        head.append(startLine).append("\r\n");
    }

    /** A response head whose status line carries the status and its reason phrase. */
    public static HeadWriter response(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        return new HeadWriter("HTTP/1.1 " + status + " " + StatusPhrases.of(status));
    }

    /** A proxy's {@code CONNECT} request head for {@code authority} ({@code host:port}, RFC 9110 §9.3.6). */
    public static HeadWriter connect(String authority) {
        if (!HttpSyntax.isFieldValue(authority) || authority.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("not an authority: " + authority);
        }
        return new HeadWriter("CONNECT " + authority + " HTTP/1.1");
    }

    /**
     * Checks that a header can be written as given: its name a token, its value visible
     * characters, spaces and tabs only (RFC 9110 §5.1 and §5.5: no CR, LF, NUL or other control,
     * nothing outside ISO-8859-1).
     *
     * @throws IllegalArgumentException if not
     */
    public static void checkHeader(String name, String value) {
        if (!HttpSyntax.isToken(name)) {
            throw new IllegalArgumentException("header name is not a token: " + name);
        }
        if (!HttpSyntax.isFieldValue(value)) {
            throw new IllegalArgumentException("header value not allowed for " + name);
        }
    }

    /**
     * Adds a header.
     *
     * @throws IllegalArgumentException as {@link #checkHeader}
     */
    public HeadWriter header(String name, String value) {
        checkHeader(name, value);
        head.append(name).append(": ").append(value).append("\r\n");
        return this;
    }

    /**
     * Adds each header of a name-to-value map, in the map's iteration order.
     *
     * @throws IllegalArgumentException as {@link #checkHeader}
     */
    public HeadWriter headers(Map<String, String> valuesByName) {
        valuesByName.forEach(this::header);
        return this;
    }

    /** Ends the head and returns it, followed by {@code body}, in a buffer ready to read. */
    public ByteBuffer finish(byte[] body) {
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(headBytes.length + body.length);
        return out.put(headBytes).put(body).flip();
    }

    /** Ends the head and returns it in a buffer ready to read. */
    public ByteBuffer finish() {
        return finish(new byte[0]);
    }
}
