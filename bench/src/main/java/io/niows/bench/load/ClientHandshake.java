package io.niows.bench.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The opening handshake as the load tool's client does it (RFC 6455 §4.1): a fixed request, and
 * a response read until its blank line, accepted when it is {@code 101} with the accept key the
 * fixed nonce must give (§1.3's sample nonce and its accept value). With deflate, the request
 * offers {@code permessage-deflate; client_max_window_bits} as browsers do, and the response must
 * agree to it in terms the tool can keep (see {@link DeflateResponse}).
 *
 * <p>Not thread-safe: one instance per connection, used by that connection's loop thread.
 */
public final class ClientHandshake {

    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final String ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";
    private static final int MAX_RESPONSE = 8192;

    private final StringBuilder response = new StringBuilder(256);
    private final boolean deflate;

    /** A handshake without extensions. */
    public ClientHandshake() {
        this(false);
    }

    /** @param deflate whether the request offered permessage-deflate, which the response must then agree to */
    public ClientHandshake(boolean deflate) {
        this.deflate = deflate;
    }

    /** The request bytes for {@code path} on {@code host:port}, without extensions. */
    public static ByteBuffer request(String host, int port, String path) {
        return request(host, port, path, false);
    }

    /** The request bytes for {@code path} on {@code host:port}, offering permessage-deflate if {@code deflate}. */
    public static ByteBuffer request(String host, int port, String path, boolean deflate) {
        String text = "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + host + ":" + port + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + KEY + "\r\n"
                + (deflate ? "Sec-WebSocket-Extensions: " + DeflateResponse.OFFER + "\r\n" : "")
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Consumes response bytes up to and including the blank line that ends the head; bytes after
     * it stay in {@code in} (they are frames). Returns true once the head is complete and valid.
     */
    public boolean feed(ByteBuffer in) throws IOException {
        while (in.hasRemaining()) {
            response.append((char) (in.get() & 0xFF));
            int n = response.length();
            if (n >= 4 && response.charAt(n - 1) == '\n' && response.charAt(n - 2) == '\r'
                    && response.charAt(n - 3) == '\n' && response.charAt(n - 4) == '\r') {
                check();
                return true;
            }
            if (n > MAX_RESPONSE) {
                throw new IOException("handshake response longer than " + MAX_RESPONSE + " bytes");
            }
        }
        return false;
    }

    private void check() throws IOException {
        String head = response.toString();
        if (!head.startsWith("HTTP/1.1 101") || !head.contains(ACCEPT)) {
            int eol = head.indexOf('\r');
            throw new IOException("upgrade refused: " + head.substring(0, Math.max(0, eol)));
        }
        DeflateResponse.check(head, deflate);
    }
}
