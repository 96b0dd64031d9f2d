package io.niows.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A one-connection server on a plain socket that answers the opening handshake with whatever a
 * test scripts: an independent peer for the client. Not thread-safe; one accept per instance.
 */
final class ScriptedServer implements AutoCloseable {

    private static final Pattern KEY = Pattern.compile("(?im)^Sec-WebSocket-Key:\\s*(\\S+)\\s*$");

    final ServerSocket socket;
    final CompletableFuture<String> request = new CompletableFuture<>();
    private final Thread thread;
    volatile Socket accepted;

    /** @param script turns the client's key into the bytes to answer with */
    ScriptedServer(Function<String, byte[]> script) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(script), "scripted-server");
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    static String accept(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                    .getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private void serve(Function<String, byte[]> script) {
        try {
            Socket s = socket.accept();
            accepted = s;
            String head = readHead(s.getInputStream());
            request.complete(head);
            Matcher m = KEY.matcher(head);
            byte[] answer = script.apply(m.find() ? m.group(1) : "");
            s.getOutputStream().write(answer);
            s.getOutputStream().flush();
        } catch (IOException e) {
            request.completeExceptionally(e);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws Exception {
        socket.close();
        Socket s = accepted;
        if (s != null) {
            s.close();
        }
        thread.join(5000);
    }
}
