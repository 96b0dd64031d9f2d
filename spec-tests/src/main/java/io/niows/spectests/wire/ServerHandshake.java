package io.niows.spectests.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The server side of the opening handshake (RFC 6455 section 4.2) on blocking streams: reads
 * the upgrade request ({@link #read}), then answers 101 with the accept key and any agreed
 * extension ({@link #accept}), or 400 ({@link #refuse}). The 101 answer is written but not
 * flushed: Autobahn's fuzzing server starts the case in the callback that wrote it, so the
 * answer leaves in one TCP write with the case's first frames, and the caller does the same.
 * One instance per connection; not thread-safe.
 */
public final class ServerHandshake {
    private String request = "";
    private String response = "";
    private URI target;
    private String key;

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

    /** The request's {@code Sec-WebSocket-Extensions} value, or null. */
    public String extensions() {
        return ClientHandshake.header(request, "sec-websocket-extensions");
    }

    /** Reads the request and writes the 101 answer without extensions, unflushed (see {@link #read}). */
    public void perform(InputStream in, OutputStream out, String serverName) throws IOException {
        read(in, out);
        accept(out, serverName, null);
    }

    /** Reads the request; throws (after answering 400, flushed) when it is not an upgrade. */
    public void read(InputStream in, OutputStream out) throws IOException {
        request = ClientHandshake.readHead(in);
        String[] first = request.split("\r\n")[0].split(" ");
        key = ClientHandshake.header(request, "sec-websocket-key");
        if (first.length != 3 || !first[0].equals("GET") || key == null) {
            refuse(out, "Bad Request");
            throw new IOException("not a WebSocket upgrade: " + request.split("\r\n")[0]);
        }
        target = URI.create(first[1]);
    }

    /** Writes the 101 answer, unflushed, naming the agreed extension when {@code extensions} is not null. */
    public void accept(OutputStream out, String serverName, String extensions) throws IOException {
        response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + ClientHandshake.acceptFor(key) + "\r\n"
                + (extensions == null ? "" : "Sec-WebSocket-Extensions: " + extensions + "\r\n")
                + "Server: " + serverName + "\r\n\r\n";
        out.write(response.getBytes(StandardCharsets.US_ASCII));
    }

    /** Answers 400 with the reason in the status line (Autobahn's {@code failHandshake}), flushed. */
    public void refuse(OutputStream out, String reason) throws IOException {
        response = "HTTP/1.1 400 " + reason.replaceAll("[\\r\\n]", " ") + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        out.write(response.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
