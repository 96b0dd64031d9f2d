package io.niows.internal.reactor;

import io.niows.protocol.HandshakeRequest;
import io.niows.protocol.ProxyTunnel;
import io.niows.protocol.Header;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLEngine;

/**
 * The loops client connections run on (the client's own, or a server's that it shares) and the
 * client's live connections, so that closing a client that shares a server's loops closes its
 * own connections and no other.
 *
 * <p>Thread-safe: connections may be opened and the client closed from any thread.
 */
public final class ClientRuntime {

    private final SelectorLoop[] loops;
    private final boolean owned;
    private final ConnectionSettings settings;
    private final AtomicInteger next = new AtomicInteger();
    /** The client's connections, from the TCP connect to the end of their {@code onClose}; guarded by this. */
    private final Set<ClientConnection> live = new HashSet<>();
    /** Set once {@link #close} has begun: no connection may start after it; written under this. */
    private volatile boolean closing;
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
            loops[i] = new SelectorLoop(name + "-loop-" + i, settings, MemoryBudget.unlimited(),
                    runtime::loopFailed);
        }
        for (SelectorLoop loop : loops) {
            loop.start();
        }
        return runtime;
    }

    /** The counts of this client's connections. */
    public RuntimeMetrics metrics() {
        return settings.metrics();
    }

    /** A loop failed (its connections are closed): refuse new connections from now on, saying why. */
    private void loopFailed(Throwable why) {
        failure = why;
    }

    /**
     * Runs client connections on a server's loops; closing the client closes only its own
     * connections and leaves the loops, and the server's connections, running.
     */
    public static ClientRuntime sharing(ServerRuntime server, ConnectionSettings settings) {
        return new ClientRuntime(server.loops(), false, settings);
    }

    /**
     * Opens a connection and sends the opening handshake.
     *
     * @param address the server's address (resolved)
     * @param host the host for the {@code Host} header
     * @param port the server's port, for the {@code Host} header (not the proxy's)
     * @param pathAndQuery the request-target
     * @param ssl the engine of a {@code wss://} connection, in client mode, or null for {@code ws://}
     * @param bind makes what receives the connection's events, on the loop thread, when the
     *     connection is made
     * @param tunnel with a proxy, the tunnel to ask the proxy at {@code address} for; else null
     * @return completed with those events once the connection is open, or with a {@code
     *     WebSocketHandshakeException} or an {@code IOException} saying why not
     */
    public CompletableFuture<ConnectionEvents> connect(InetSocketAddress address, String host, int port,
            String pathAndQuery, List<String> subprotocols, Map<String, String> headers, SSLEngine ssl,
            Function<Link, ConnectionEvents> bind, ProxyTunnel tunnel) {
        CompletableFuture<ConnectionEvents> connected = new CompletableFuture<>();
        if (closing) {
            connected.completeExceptionally(new IOException("the client is closed"));
            return connected;
        }
        Throwable failed = failure;
        if (failed != null) {
            connected.completeExceptionally(new IOException("the client's selector loop failed", failed));
            return connected;
        }
        List<Header> extra = new ArrayList<>(headers.size());
        headers.forEach((name, value) -> extra.add(new Header(name, value)));
        HandshakeRequest request = HandshakeRequest.client(host, port, pathAndQuery, subprotocols, extra,
                settings.engine().deflate());
        SelectorLoop loop = loops[Math.floorMod(next.getAndIncrement(), loops.length)];
        loop.execute(() -> ClientConnection.connect(loop, address, settings, request, ssl, bind, connected, this,
                tunnel));
        return connected;
    }

    /** Counts a connection as the client's; {@code false} once the client is closing. */
    synchronized boolean track(ClientConnection c) {
        if (closing) {
            return false;
        }
        live.add(c);
        return true;
    }

    /** The connection has ended and its handler heard of it; any thread, any number of times. */
    synchronized void untrack(ClientConnection c) {
        if (live.remove(c) && live.isEmpty()) {
            notifyAll();
        }
    }

    /**
     * Closes the client's connections with 1001 (a connection still in its handshake is dropped)
     * and waits up to {@code timeout} for the close handshakes and their {@code onClose}, then
     * drops what is left. Loops of the client's own then end; shared loops go on. Called on one of
     * the loops' threads it only starts all this, since waiting would block the loop that must do
     * it. Later calls do nothing.
     */
    public void close(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ClientConnection> open;
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            open = new ArrayList<>(live);
        }
        boolean onLoop = onLoopThread();
        if (owned) {
            if (onLoop) {
                for (SelectorLoop loop : loops) {
                    loop.shutdown(false);
                }
            } else {
                SelectorLoop.shutdownAll(loops, deadline);
            }
            return;
        }
        for (ClientConnection c : open) {
            c.loop.execute(c::goAway);
        }
        if (onLoop) {
            return;
        }
        if (!awaitNoneLive(deadline)) {
            for (ClientConnection c : liveNow()) {
                c.abort();
            }
            awaitNoneLive();
        }
    }

    private boolean onLoopThread() {
        for (SelectorLoop loop : loops) {
            if (loop.inLoop()) {
                return true;
            }
        }
        return false;
    }

    private synchronized List<ClientConnection> liveNow() {
        return new ArrayList<>(live);
    }

    /** Waits until every connection has ended or {@code deadline} (a {@link System#nanoTime} value) has passed. */
    private synchronized boolean awaitNoneLive(long deadline) throws InterruptedException {
        while (!live.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /**
     * Waits for connections that were aborted: a running loop finishes them with its next tasks,
     * and a loop that has ended finished every connection it had.
     */
    private synchronized void awaitNoneLive() throws InterruptedException {
        while (!live.isEmpty()) {
            wait();
        }
    }
}
