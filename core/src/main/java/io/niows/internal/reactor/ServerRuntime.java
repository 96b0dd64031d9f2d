package io.niows.internal.reactor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;

/**
 * A running server: the acceptor thread (which owns the listening socket) and the selector loops.
 *
 * <p>Thread-safe: {@link #close} and {@link #stop} may be called from any thread, more than once.
 */
public final class ServerRuntime {

    private final SelectorLoop[] loops;
    private final Acceptor acceptor;
    private final InetSocketAddress address;
    private boolean ended;

    private ServerRuntime(ServerSocketChannel server, SelectorLoop[] loops, Acceptor acceptor) throws IOException {
        this.loops = loops;
        this.acceptor = acceptor;
        this.address = (InetSocketAddress) server.getLocalAddress();
    }

    /** Binds the address and starts the loops and the acceptor. */
    public static ServerRuntime start(ServerConfig config) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        SelectorLoop[] loops = new SelectorLoop[config.loops()];
        try {
            server.bind(config.address(), 1024);
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            for (int i = 0; i < loops.length; i++) {
                loops[i] = new SelectorLoop("niows-" + port + "-loop-" + i, config.connection().timerTickNanos());
            }
            Acceptor acceptor = new Acceptor(server, loops, config, "niows-" + port + "-acceptor");
            ServerRuntime runtime = new ServerRuntime(server, loops, acceptor);
            for (SelectorLoop loop : loops) {
                loop.start();
            }
            acceptor.start();
            return runtime;
        } catch (IOException | RuntimeException e) {
            server.close();
            for (SelectorLoop loop : loops) {
                if (loop != null) {
                    loop.selector().close();
                }
            }
            throw e;
        }
    }

    /** The bound address (with the real port when port 0 was asked for). */
    public InetSocketAddress address() {
        return address;
    }

    /**
     * Stops accepting, closes every connection with 1001, waits up to {@code timeout} for the
     * close handshakes, drops what is left and waits for the threads to end.
     */
    public synchronized void close(Duration timeout) throws InterruptedException {
        if (ended) {
            return;
        }
        ended = true;
        acceptor.close();
        SelectorLoop.shutdownAll(loops, System.nanoTime() + timeout.toNanos());
    }

    /** Drops every connection at once and waits for the threads to end. */
    public synchronized void stop() throws InterruptedException {
        ended = true;
        acceptor.close();
        SelectorLoop.shutdownAll(loops, null);
    }

    /** The loops, for clients that share them. */
    SelectorLoop[] loops() {
        return loops;
    }
}
