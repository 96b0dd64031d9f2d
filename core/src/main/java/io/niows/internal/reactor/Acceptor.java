package io.niows.internal.reactor;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.locks.LockSupport;

/**
 * The thread that accepts TCP connections and deals them to the selector loops in turn.
 *
 * <p>It survives every failure it can catch. When {@code accept} fails (out of file descriptors,
 * typically) it backs off, from 10 ms doubling to 100 ms while the failures last, and logs once
 * when such an episode starts and once when it ends, instead of spinning or logging per try.
 *
 * <p>Thread-safety: runs on its own thread; {@link #close} may be called from any thread.
 */
final class Acceptor implements Runnable {

    private static final System.Logger LOG = System.getLogger("io.niows");
    private static final long MIN_BACKOFF_NANOS = 10_000_000L;
    private static final long MAX_BACKOFF_NANOS = 100_000_000L;

    private final ServerSocketChannel server;
    private final SelectorLoop[] loops;
    private final ServerConfig config;
    private final ConnectionLimits limits;
    private final Thread thread;
    private volatile boolean closing;
    private int next;
    /** Accept failures in a row, and the wait before the next try; acceptor thread only. */
    private long failures;
    private long backoffNanos;

    Acceptor(ServerSocketChannel server, SelectorLoop[] loops, ServerConfig config, String name) {
        this.server = server;
        this.loops = loops;
        this.config = config;
        this.limits = new ConnectionLimits(config.limits());
        this.thread = new Thread(this, name);
    }

    void start() {
        loadTimeZoneRules();
        thread.start();
    }

    /**
     * The usual log formatters print a zoned time, and the JDK reads its time-zone data file the
     * first time one is made. Out of descriptors that read fails with an {@link Error}, which once
     * ended this thread for good: read it now, while a descriptor is to be had.
     */
    private static void loadTimeZoneRules() {
        ZonedDateTime.now(ZoneId.systemDefault());
    }

    @Override
    public void run() {
        while (!closing) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (Throwable t) {
                if (!closing) {
                    backOff(t);
                }
                continue;
            }
            if (failures > 0) {
                logQuietly(Level.WARNING, "accepting again after " + failures + " failed accepts");
                failures = 0;
                backoffNanos = 0;
            }
            handOver(channel);
        }
    }

    private void backOff(Throwable why) {
        if (failures++ == 0) {
            logQuietly(Level.WARNING, "accept failed, backing off until it works again: " + why);
        }
        backoffNanos = Math.min(MAX_BACKOFF_NANOS, Math.max(MIN_BACKOFF_NANOS, 2 * backoffNanos));
        LockSupport.parkNanos(backoffNanos);
    }

    private void handOver(SocketChannel channel) {
        SelectorLoop loop = loops[next];
        next = (next + 1) % loops.length;
        boolean refuse = closing;
        try {
            loop.execute(() -> ServerConnection.accept(loop, channel, config, limits, refuse));
        } catch (Throwable t) {
            logQuietly(Level.WARNING, "could not hand over an accepted connection: " + t);
            try {
                channel.close();
            } catch (Throwable ignored) {
                // already failing: the descriptor is gone or will be with the channel
            }
        }
    }

    /** Logs without letting a failing logger (out of descriptors or memory) end the acceptor. */
    private static void logQuietly(Level level, String message) {
        try {
            LOG.log(level, message);
        } catch (Throwable ignored) {
            // the next episode's line may get through
        }
    }

    /** Stops accepting and waits for the thread to end; may be called from any thread, more than once. */
    void close() throws InterruptedException {
        closing = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the server socket", e);
        }
        if (Thread.currentThread() != thread) {
            thread.join();
        }
    }
}
