package io.niows.spectests.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * The client side of the opening handshake (RFC 6455 section 4.1), done on blocking streams:
 * sends the upgrade request and checks the 101 answer and its {@code Sec-WebSocket-Accept}.
 * Reads the response byte by byte so that no frame byte after it is consumed. One instance
 * per connection; not thread-safe.
 */
public final class ClientHandshake {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_RESPONSE = 16384;
    private static final SecureRandom RANDOM = new SecureRandom();

    private String request = "";
    private String response = "";

    /** The request as sent, for the report. */
    public String request() {
        return request;
    }

    /** The response head as received, for the report. */
    public String response() {
        return response;
    }

    /** Performs the handshake; throws with a readable reason when the server refuses. */
    public void perform(URI uri, String userAgent, InputStream in, OutputStream out) throws IOException {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        request = "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + port + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "User-Agent: " + userAgent + "\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        response = readHead(in);
        check(response, key);
    }

    /** The accept value for a key (section 4.2.2, step 5.4). */
    public static String acceptFor(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JDK", e);
        }
    }

    /** Reads an HTTP head up to and including the empty line. */
    public static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed during the opening handshake after "
                        + head.size() + " bytes");
            }
            head.write(b);
            if (head.size() > MAX_RESPONSE) {
                throw new IOException("handshake head larger than " + MAX_RESPONSE + " bytes");
            }
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void check(String head, String key) throws IOException {
        String[] lines = head.split("\r\n");
        if (lines.length == 0 || !lines[0].matches("HTTP/1\\.1 101( .*)?")) {
            throw new IOException("server refused the upgrade: " + (lines.length == 0 ? "" : lines[0]));
        }
        String accept = null;
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-accept")) {
                accept = line.substring(colon + 1).trim();
            }
        }
        if (!acceptFor(key).equals(accept)) {
            throw new IOException("wrong Sec-WebSocket-Accept: " + accept);
        }
    }
}
