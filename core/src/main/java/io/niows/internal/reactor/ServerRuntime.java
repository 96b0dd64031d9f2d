package io.niows.internal.reactor;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;

/**
 * A running server: the acceptor thread (which owns the listening socket) and the selector loops.
 *
 * <p>If a loop fails, the server fails as a whole and visibly rather than keep accepting
 * connections that nothing would serve: it stops accepting, closes the other loops' connections
 * with 1001, and tells the configured {@code onServerError}; {@link #isRunning()} is then false.
 *
 * <p>Thread-safe: {@link #close} and {@link #stop} may be called from any thread, more than once.
 */
public final class ServerRuntime {

    private static final System.Logger LOG = System.getLogger("io.niows");

    private final ServerConfig config;
    private final SelectorLoop[] loops;
    private Acceptor acceptor;
    private InetSocketAddress address;
    private boolean ended;
    private volatile boolean failed;

    private ServerRuntime(ServerConfig config, int loopCount) {
        this.config = config;
        this.loops = new SelectorLoop[loopCount];
    }

    /** Binds the address and starts the loops and the acceptor. */
    public static ServerRuntime start(ServerConfig config) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        ServerRuntime runtime = new ServerRuntime(config, config.loops());
        SelectorLoop[] loops = runtime.loops;
        try {
            server.bind(config.address(), 1024);
            runtime.address = (InetSocketAddress) server.getLocalAddress();
            int port = runtime.address.getPort();
            MemoryBudget budget = new MemoryBudget(config.limits().memoryBudget());
            for (int i = 0; i < loops.length; i++) {
                loops[i] = new SelectorLoop("niows-" + port + "-loop-" + i, config.connection(),
                        budget, runtime::loopFailed);
            }
            budget.watch(loops);
            runtime.acceptor = new Acceptor(server, loops, config, "niows-" + port + "-acceptor");
            for (SelectorLoop loop : loops) {
                loop.start();
            }
            runtime.acceptor.start();
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

    /** Whether the server is accepting and serving: started, not closed, not failed. */
    public synchronized boolean isRunning() {
        return !ended && !failed;
    }

    /**
     * A loop failed (on its thread, its connections already closed): fail the whole server on a
     * thread of its own, since closing waits for every loop thread, this one included.
     */
    private void loopFailed(Throwable why) {
        failed = true;
        Thread stopper = new Thread(() -> failServer(why), "niows-" + address.getPort() + "-failure");
        stopper.start();
    }

    private void failServer(Throwable why) {
        try {
            close(Duration.ofNanos(config.connection().closeTimeoutNanos()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            LOG.log(Level.ERROR, "stopping the failed server failed too", t);
        }
        try {
            config.onServerError().accept(why);
        } catch (Throwable t) {
            LOG.log(Level.ERROR, "onServerError threw", t);
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
