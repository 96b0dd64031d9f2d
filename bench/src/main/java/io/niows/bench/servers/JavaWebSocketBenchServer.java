package io.niows.bench.servers;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.extensions.permessage_deflate.PerMessageDeflateExtension;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Java-WebSocket 1.6.0: a {@link WebSocketServer} subclass with {@code threads} decoder threads,
 * as its README shows. Echo sends each message back; broadcast uses the library's own
 * {@code broadcast(message, clients)}, which frames the message once. TCP_NODELAY is set because
 * every other server here sets it by default; the lost-connection pinger is off because niows'
 * keep-alive ping is off by default too. Its permessage-deflate extension is on, as the other
 * servers' are by default: a client that offers it gets it (the library's own defaults).
 *
 * <p>Thread-safe to start once; afterwards the library's threads run it.
 */
public final class JavaWebSocketBenchServer implements BenchServer {

    @Override
    public int start(String host, int threads) throws InterruptedException {
        Server server = new Server(new InetSocketAddress(host, 0), threads);
        server.setReuseAddr(true);
        server.setTcpNoDelay(true);
        server.setConnectionLostTimeout(0);
        server.start();
        server.started.await();
        return server.getPort();
    }

    private static final class Server extends WebSocketServer {

        private final Set<WebSocket> members = ConcurrentHashMap.newKeySet();
        private final CountDownLatch started = new CountDownLatch(1);

        Server(InetSocketAddress address, int threads) {
            super(address, threads, List.of(new Draft_6455(new PerMessageDeflateExtension())));
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            if (handshake.getResourceDescriptor().startsWith("/broadcast")) {
                conn.setAttachment(Boolean.TRUE);
                members.add(conn);
            }
        }

        @Override
        public void onMessage(WebSocket conn, ByteBuffer message) {
            if (conn.getAttachment() != null) {
                broadcast(message, members);
            } else {
                conn.send(message);
            }
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            if (conn.getAttachment() != null) {
                broadcast(message, members);
            } else {
                conn.send(message);
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            members.remove(conn);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            if (conn != null) {
                members.remove(conn);
            }
        }
    }
}
