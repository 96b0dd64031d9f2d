package io.niows.internal.handshake;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Test helpers: HTTP heads as text and bytes. */
final class Heads {

    /** RFC 6455 §5.7: a single-frame masked text message "Hello", as a client sends it. */
    static final byte[] MASKED_HELLO = {
        (byte) 0x81, (byte) 0x85, 0x37, (byte) 0xfa, 0x21, 0x3d, 0x7f, (byte) 0x9f, 0x4d, 0x51, 0x58
    };

    /** The opening handshake Chrome sends, with the RFC 6455 §1.3 sample key. */
    static final String CHROME_REQUEST = String.join("\r\n",
            "GET /chat?room=1 HTTP/1.1",
            "Host: localhost:8080",
            "Connection: Upgrade",
            "Pragma: no-cache",
            "Cache-Control: no-cache",
            "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/120.0.0.0 Safari/537.36",
            "Upgrade: websocket",
            "Origin: http://localhost:8080",
            "Sec-WebSocket-Version: 13",
            "Accept-Encoding: gzip, deflate, br, zstd",
            "Accept-Language: en-US,en;q=0.9",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
            "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits",
            "", "");

    private Heads() {
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }

    static String text(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static byte[] remaining(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    /** A minimal valid upgrade request with the given lines after the request line. */
    static String request(String requestLine, String... headerLines) {
        StringBuilder out = new StringBuilder(requestLine).append("\r\n");
        for (String line : headerLines) {
            out.append(line).append("\r\n");
        }
        return out.append("\r\n").toString();
    }

    static HttpRequest parseRequest(String head) throws HttpError {
        HttpRequest request = new HttpRequestParser(HandshakeLimits.defaults())
                .parse(ByteBuffer.wrap(ascii(head)));
        if (request == null) {
            throw new AssertionError("incomplete head: " + head);
        }
        return request;
    }

    static HttpResponseHead parseResponse(String head) throws HttpError {
        HttpResponseHead response = new HttpResponseParser(HandshakeLimits.defaults())
                .parse(ByteBuffer.wrap(ascii(head)));
        if (response == null) {
            throw new AssertionError("incomplete head: " + head);
        }
        return response;
    }
}
