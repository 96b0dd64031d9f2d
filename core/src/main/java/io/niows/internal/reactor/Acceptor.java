package io.niows.internal.reactor;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.LockSupport;

/**
 * The thread that accepts TCP connections and deals them to the selector loops in turn.
 *
 * <p>Thread-safety: runs on its own thread; {@link #close} may be called from any thread.
 */
final class Acceptor implements Runnable {

    private static final System.Logger LOG = System.getLogger("io.niows");
    private static final long BACKOFF_NANOS = 10_000_000L;

    private final ServerSocketChannel server;
    private final SelectorLoop[] loops;
    private final ServerConfig config;
    private final Thread thread;
    private volatile boolean closing;
    private int next;

    Acceptor(ServerSocketChannel server, SelectorLoop[] loops, ServerConfig config, String name) {
        this.server = server;
        this.loops = loops;
        this.config = config;
        this.thread = new Thread(this, name);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        while (!closing) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // Out of file descriptors, typically: back off instead of spinning.
                LOG.log(Level.WARNING, "accept failed: " + e);
                LockSupport.parkNanos(BACKOFF_NANOS);
                continue;
            }
            SelectorLoop loop = loops[next];
            next = (next + 1) % loops.length;
            boolean refuse = closing;
            loop.execute(() -> Connection.accept(loop, channel, config, refuse));
        }
    }

    /** Stops accepting and waits for the thread to end. */
    void close() throws InterruptedException {
        closing = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the server socket", e);
        }
        thread.join();
    }
}
