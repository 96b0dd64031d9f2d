package io.niows.bench.soak;

import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A niows echo server with a deliberate leak: it keeps every message it echoes, for good. The soak
 * must fail against it, or its heap bound could never fail at all. Started like
 * {@code ServerMain}: {@code LeakyEchoServer <threads>}, prints {@code LISTENING <port>}.
 *
 * <p>A process entry point; the kept messages are shared by the server's loops, hence the
 * concurrent queue.
 */
public final class LeakyEchoServer {

    private static final Queue<Object> KEPT = new ConcurrentLinkedQueue<>();

    private LeakyEchoServer() {
    }

    public static void main(String[] args) throws Exception {
        WebSocketServer server = WebSocketServer.builder()
                .host("127.0.0.1")
                .port(0)
                .loops(Integer.parseInt(args[0]))
                .route("/", new WebSocketHandler() {
                    @Override
                    public void onText(WebSocket ws, String text) {
                        KEPT.add(text);
                        ws.sendText(text);
                    }

                    @Override
                    public void onBinary(WebSocket ws, ByteBuffer data) {
                        KEPT.add(data);
                        ws.sendBinary(data.duplicate());
                    }
                })
                .build()
                .start();
        System.out.println("LISTENING " + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
