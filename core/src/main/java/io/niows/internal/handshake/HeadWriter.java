package io.niows.internal.handshake;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes an HTTP/1.1 head (RFC 7230 §3): a start line, header lines, the empty line.
 *
 * <p>Refuses names that are not tokens and values holding control characters, so that no caller
 * can split the head by smuggling a CR or LF into it. Not thread-safe; one per head.
 */
final class HeadWriter {

    private final StringBuilder head = new StringBuilder(256);

    HeadWriter(String startLine) {
        head.append(startLine).append("\r\n");
    }

    HeadWriter header(String name, String value) {
        if (!HttpSyntax.isToken(name)) {
            throw new IllegalArgumentException("header name is not a token: " + name);
        }
        if (!HttpSyntax.isFieldValue(value)) {
            throw new IllegalArgumentException("header value not allowed for " + name);
        }
        head.append(name).append(": ").append(value).append("\r\n");
        return this;
    }

    /** Adds each {@code {name, value}} pair in order. */
    HeadWriter headers(List<String[]> nameValuePairs) {
        for (String[] pair : nameValuePairs) {
            if (pair.length != 2) {
                throw new IllegalArgumentException("a header is a {name, value} pair");
            }
            header(pair[0], pair[1]);
        }
        return this;
    }

    /** Ends the head and returns it, followed by {@code body}, in a buffer ready to read. */
    ByteBuffer finish(byte[] body) {
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(headBytes.length + body.length);
        return out.put(headBytes).put(body).flip();
    }

    ByteBuffer finish() {
        return finish(new byte[0]);
    }
}
