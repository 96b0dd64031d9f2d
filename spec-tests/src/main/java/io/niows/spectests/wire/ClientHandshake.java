package io.niows.spectests.wire;

import io.niows.spectests.deflate.ClientAcceptance;
import io.niows.spectests.deflate.DeflateOffer;
import io.niows.spectests.deflate.DeflateParams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The client side of the opening handshake (RFC 6455 section 4.1), done on blocking streams:
 * sends the upgrade request, with permessage-deflate offers when a case makes them, and checks
 * the 101 answer, its {@code Sec-WebSocket-Accept} and its {@code Sec-WebSocket-Extensions}
 * (an extension that was not offered fails the handshake, section 4.1). Reads the response byte by byte so that no frame byte after it is consumed. One instance
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

    /** Performs the handshake without offering extensions; throws with a readable reason when the server refuses. */
    public void perform(URI uri, String userAgent, InputStream in, OutputStream out) throws IOException {
        perform(uri, userAgent, in, out, List.of());
    }

    /**
     * Performs the handshake with these permessage-deflate offers (none when empty); returns the
     * parameters the server accepted, or null when it declined. Throws with a readable reason
     * when the server refuses or its answer is not acceptable.
     */
    public DeflateParams perform(URI uri, String userAgent, InputStream in, OutputStream out, List<DeflateOffer> offers)
            throws IOException {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "wss".equals(uri.getScheme()) ? 443 : 80;
        request = "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + port + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + extensions(offers)
                + "User-Agent: " + userAgent + "\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        response = readHead(in);
        check(response, key);
        try {
            return ClientAcceptance.accept(offers, header(response, "sec-websocket-extensions"));
        } catch (IllegalArgumentException e) {
            throw new IOException("bad Sec-WebSocket-Extensions in the response: " + e.getMessage(), e);
        }
    }

    private static String extensions(List<DeflateOffer> offers) {
        if (offers.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        offers.forEach(o -> parts.add(o.extensionString()));
        return "Sec-WebSocket-Extensions: " + String.join(", ", parts) + "\r\n";
    }

    /**
     * The values of a header in an HTTP head, joined with ", " when it appears more than once
     * (RFC 7230 section 3.2.2), or null when absent.
     */
    public static String header(String head, String lowerCaseName) {
        List<String> values = new ArrayList<>();
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(lowerCaseName)) {
                values.add(line.substring(colon + 1).trim());
            }
        }
        return values.isEmpty() ? null : String.join(", ", values);
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
        String accept = header(head, "sec-websocket-accept");
        if (!acceptFor(key).equals(accept)) {
            throw new IOException("wrong Sec-WebSocket-Accept: " + accept);
        }
    }
}
