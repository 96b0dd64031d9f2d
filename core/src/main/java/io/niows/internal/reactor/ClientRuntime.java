package io.niows.internal.reactor;

import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.internal.handshake.ClientHandshake;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The loops client connections run on: the client's own, or a server's that it shares.
 *
 * <p>Thread-safe: connections may be opened from any thread.
 */
public final class ClientRuntime {

    private static final SecureRandom KEYS = new SecureRandom();

    private final SelectorLoop[] loops;
    private final boolean owned;
    private final ConnectionSettings settings;
    private final AtomicInteger next = new AtomicInteger();
    private boolean ended;
    /** Why one of the client's own loops failed, or null; any thread. */
    private volatile Throwable failure;

    private ClientRuntime(SelectorLoop[] loops, boolean owned, ConnectionSettings settings) {
        this.loops = loops;
        this.owned = owned;
        this.settings = settings;
    }

    /** Starts {@code count} loops of the client's own. */
    public static ClientRuntime start(int count, ConnectionSettings settings, String name) throws IOException {
        SelectorLoop[] loops = new SelectorLoop[count];
        ClientRuntime runtime = new ClientRuntime(loops, true, settings);
        for (int i = 0; i < count; i++) {
            loops[i] = new SelectorLoop(name + "-loop-" + i, settings.timerTickNanos(), MemoryBudget.unlimited(),
                    runtime::loopFailed);
        }
        for (SelectorLoop loop : loops) {
            loop.start();
        }
        return runtime;
    }

    /** A loop failed (its connections are closed): refuse new connections from now on, saying why. */
    private void loopFailed(Throwable why) {
        failure = why;
    }

    /** Runs client connections on a server's loops; closing the client leaves the loops running. */
    public static ClientRuntime sharing(ServerRuntime server, ConnectionSettings settings) {
        return new ClientRuntime(server.loops(), false, settings);
    }

    /**
     * Opens a connection and sends the opening handshake.
     *
     * @param address the server's address (resolved)
     * @param host the host for the {@code Host} header
     * @param pathAndQuery the request-target
     * @return completed with the open connection, or with a {@code WebSocketHandshakeException} or
     *     an {@code IOException} saying why not
     */
    public CompletableFuture<WebSocket> connect(InetSocketAddress address, String host, String pathAndQuery,
            List<String> subprotocols, List<String[]> headers, WebSocketHandler handler) {
        CompletableFuture<WebSocket> connected = new CompletableFuture<>();
        Throwable failed = failure;
        if (failed != null) {
            connected.completeExceptionally(new IOException("the client's selector loop failed", failed));
            return connected;
        }
        ClientHandshake handshake =
                new ClientHandshake(host, address.getPort(), pathAndQuery, subprotocols, headers, KEYS);
        ClientSide side = new ClientSide(handshake, handler, connected, settings);
        SelectorLoop loop = loops[Math.floorMod(next.getAndIncrement(), loops.length)];
        loop.execute(() -> ClientConnection.connect(loop, address, settings, side));
        return connected;
    }

    /**
     * Closes the client's connections with 1001 and, for loops of its own, waits up to
     * {@code timeout} for the close handshakes, then drops what is left and ends the threads.
     */
    public synchronized void close(Duration timeout) throws InterruptedException {
        if (ended || !owned) {
            ended = true;
            return;
        }
        ended = true;
        SelectorLoop.shutdownAll(loops, System.nanoTime() + timeout.toNanos());
    }
}
