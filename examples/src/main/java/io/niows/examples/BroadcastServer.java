package io.niows.examples;

import io.niows.Broadcaster;
import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLContext;

/**
 * The broadcast example, the observer pattern: a client that connects (on any path) joins the
 * list of observers; every message any client sends goes to every observer, the sender
 * included; a client that leaves drops off the list. The {@link Broadcaster} encodes each
 * message once and queues the same bytes on every observer.
 *
 * <p>Every observer sees the messages in the same order, the order in which the server received
 * them. niows keeps the order of sends that happen one after the other (by one thread, or by
 * threads that take turns). This server runs one selector loop, so every callback, hence every
 * broadcast, happens on that one thread and needs no lock. (One loop serves thousands of
 * connections; with more loops, broadcasts made under a lock keep one order too.)
 *
 * <p>Its limits agree: a client message (and frame) may be up to {@value #MAX_MESSAGE_SIZE}
 * bytes, a larger one closes its sender alone with 1009; each observer may have
 * {@value #OBSERVER_QUEUE_LIMIT} bytes waiting, room for fifteen of the largest frames, so every
 * message accepted is relayed, and only an observer that falls that far behind is closed with
 * 1008.
 *
 * <p>Stateless and thread-safe; each {@link #start} builds an independent server and list.
 */
public final class BroadcastServer {

    /** The largest message, and frame, a client may send: 64 KiB. */
    public static final int MAX_MESSAGE_SIZE = 64 << 10;

    /**
     * The bytes that may wait for one observer: 1 MiB, which holds fifteen frames of the largest
     * message (64 KiB and a 10-byte header). It must hold one at least, or the {@link Broadcaster}
     * refuses to relay that message to anyone.
     */
    public static final long OBSERVER_QUEUE_LIMIT = 1 << 20;

    private BroadcastServer() {
    }

    /**
     * Starts a broadcast server.
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
     * Starts a broadcast server, over TLS if {@code tls} is not null.
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
                .defaultRoute(new Relay(new Broadcaster(OBSERVER_QUEUE_LIMIT, Broadcaster.OverflowPolicy.CLOSE)))
                .maxFrameSize(MAX_MESSAGE_SIZE)
                .maxMessageSize(MAX_MESSAGE_SIZE)
                .loops(1)
                .build()
                .start();
    }

    /**
     * Adds each connection to the observers and relays its messages to all of them. Its callbacks
     * all run on the server's one loop thread.
     */
    private static final class Relay implements WebSocketHandler {

        private final Broadcaster observers;

        Relay(Broadcaster observers) {
            this.observers = observers;
        }

        @Override
        public void onOpen(WebSocket ws) {
            observers.add(ws);
        }

        @Override
        public void onText(WebSocket ws, String text) {
            observers.broadcast(text);
        }

        @Override
        public void onBinary(WebSocket ws, ByteBuffer data) {
            observers.broadcast(data);
        }

        @Override
        public void onClose(WebSocket ws, int code, String reason, boolean remote) {
            observers.remove(ws);
        }
    }
}
