package io.niows.spectests.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The server side of the opening handshake (RFC 6455 section 4.2) on blocking streams: reads
 * the upgrade request, answers 101 with the accept key, or 400 when the request is not an
 * upgrade. The 101 answer is written but not flushed: Autobahn's fuzzing server starts the
 * case in the callback that wrote it, so the answer leaves in one TCP write with the case's
 * first frames, and the caller does the same. One instance per connection; not thread-safe.
 */
public final class ServerHandshake {
    private String request = "";
    private String response = "";
    private URI target;

    /** The request head as received. */
    public String request() {
        return request;
    }

    /** The response head as sent. */
    public String response() {
        return response;
    }

    /** The request target (path and query). */
    public URI target() {
        return target;
    }

    /**
     * Reads the request and writes the 101 answer, unflushed; throws (after answering 400,
     * flushed) when it is not an upgrade.
     */
    public void perform(InputStream in, OutputStream out, String serverName) throws IOException {
        request = ClientHandshake.readHead(in);
        String[] lines = request.split("\r\n");
        String[] first = lines[0].split(" ");
        String key = null;
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-key")) {
                key = line.substring(colon + 1).trim();
            }
        }
        if (first.length != 3 || !first[0].equals("GET") || key == null) {
            response = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            out.write(response.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            throw new IOException("not a WebSocket upgrade: " + lines[0]);
        }
        target = URI.create(first[1]);
        response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + ClientHandshake.acceptFor(key) + "\r\nServer: " + serverName + "\r\n\r\n";
        out.write(response.getBytes(StandardCharsets.US_ASCII));
    }
}
