package io.niows.examples;

import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLContext;

/**
 * The echo example: every text and binary message, on any path, is sent back as it came.
 * Messages up to {@value #MAX_MESSAGE_SIZE} bytes are accepted, enough for the large-message
 * cases of conformance suites.
 *
 * <p>Stateless and thread-safe; each {@link #start} builds an independent server.
 */
public final class EchoServer {

    /** 64 MiB: the largest message echoed (conformance suites send up to 16 MiB). */
    public static final long MAX_MESSAGE_SIZE = 64L << 20;

    /** Room for two of the largest echoes in flight, so that one is never refused as too slow. */
    static final long MAX_QUEUED_BYTES = 2 * MAX_MESSAGE_SIZE + (1 << 20);

    private EchoServer() {
    }

    /**
     * Starts an echo server.
     *
     * @param host the address to listen on
     * @param port the port, or 0 for any free one
     * @return the running server; close it to stop
     * @throws IOException if it cannot listen there
     */
    public static WebSocketServer start(String host, int port) throws IOException {
        return start(host, port, null);
    }

    /**
     * Starts an echo server, over TLS if {@code tls} is not null.
     *
     * @param host the address to listen on
     * @param port the port, or 0 for any free one
     * @param tls the TLS context to serve {@code wss://} with, or null for plain {@code ws://}
     * @return the running server; close it to stop
     * @throws IOException if it cannot listen there
     */
    public static WebSocketServer start(String host, int port, SSLContext tls) throws IOException {
        return Tls.serving(WebSocketServer.builder(), tls)
                .host(host)
                .port(port)
                .defaultRoute(new Echo())
                .maxMessageSize(MAX_MESSAGE_SIZE)
                .maxFrameSize(MAX_MESSAGE_SIZE)
                .maxQueuedBytes(MAX_QUEUED_BYTES)
                .build()
                .start();
    }

    /** Sends each message back; stateless, so one instance serves every connection. */
    private static final class Echo implements WebSocketHandler {

        @Override
        public void onText(WebSocket ws, String text) {
            ws.sendText(text);
        }

        @Override
        public void onBinary(WebSocket ws, ByteBuffer data) {
            ws.handOverBinary(data); // the message's buffer is the handler's: echoed without a copy
        }
    }
}
