package io.niows.internal.reactor;

import io.niows.internal.frame.CloseCodes;
import io.niows.internal.jfr.LoopStalled;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One selector and the thread that runs it: reads, protocol work, handler callbacks, writes and
 * timers of every connection registered with it.
 *
 * <p>Thread-safety: {@link #execute} and {@link #shutdown} may be called from any thread; every
 * other method runs on the loop thread only. Each ready connection is read, the protocol handles
 * every frame that read delivered, and only then are the answers written, in one write (small
 * frames batched through a direct staging buffer), at once, while the connection is still in the
 * cache: a client that pipelines gets its echoes in one write. Frames queued otherwise (a
 * broadcast, a send from another thread) are written at the end of the iteration, one write per
 * connection.
 *
 * <p>Failures: anything a connection's work throws, {@link Error}s included, costs that one
 * connection (dropped, logged at ERROR); the loop goes on. A failure of the loop itself (its
 * selector) closes its connections with 1011 where it can, logs at ERROR and is reported to the
 * owner's failure callback, which must not leave the loop's share of new connections unserved.
 */
final class SelectorLoop implements Runnable, TlsStage.Buffers {

    private static final System.Logger LOG = System.getLogger("io.niows");
    private static final int READ_BUFFER_SIZE = 256 * 1024;
    private static final int WRITE_STAGING_SIZE = 256 * 1024;
    /** Room for a read as large as a plain one plus an unfinished record of up to 16 KiB and its overhead. */
    private static final int TLS_BUFFER_SIZE = 96 * 1024;

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final ArrayDeque<Connection> toFlush = new ArrayDeque<>();
    /** The loop's connections, linked through their own fields: no set entry per connection. */
    private Connection first;
    private final long tickNanos;
    private final Consumer<Throwable> onFailure;
    private final MemoryBudget budget;
    private final long stallNanos;
    /** The owner's counters on this loop: the stalls it saw. */
    private final LoopCounters counters;
    /** Bytes in this loop's write queues, counted on the loop thread; published once per iteration. */
    private long queuedHere;
    private volatile long queuedPublished;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_SIZE);
    private final ByteBuffer writeStaging = ByteBuffer.allocateDirect(WRITE_STAGING_SIZE);
    /** The connection whose answers the staging buffer holds, framed there during its read; null when none. */
    private Connection replying;
    /** An empty write queue a connection gave back, for the next that queues; loop thread only. */
    private WriteQueue spareWriteQueue;
    /** TLS records read, and records wrapped, by this loop's TLS connections; made when the first needs them. */
    private ByteBuffer tlsIn;
    private ByteBuffer tlsOut;

    private volatile boolean draining;
    private volatile boolean stopped;
    private long nextTick;
    /**
     * When the work in progress began (the ready key's handling, the task batch): the end of the
     * previous key's handling, so that one clock read per ready key times each for stalls and
     * dates each read. Zero right after a wait, when it must be read afresh. Before a wait, the
     * time the timers read, from which the wait is measured.
     */
    private long clock;
    /** Handles one ready key; made once, not per wait. */
    private final Consumer<SelectionKey> onReady = this::handleReady;

    /**
     * @param settings the owner's settings: its timer tick, its stall threshold, its counters
     * @param onFailure told, on this loop's thread, once its connections are closed, if the loop
     *     itself failed
     */
    SelectorLoop(String name, ConnectionSettings settings, MemoryBudget budget, Consumer<Throwable> onFailure)
            throws IOException {
        this.selector = Selector.open();
        this.tickNanos = settings.timerTickNanos();
        this.stallNanos = settings.loopStallNanos();
        this.counters = settings.metrics().on(this);
        this.budget = budget;
        this.onFailure = onFailure;
        this.thread = new Thread(this, name);
    }

    void start() {
        thread.start();
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs a task on the loop thread after the current iteration's reads; wakes the loop once per burst. */
    void execute(Runnable task) {
        tasks.add(task);
        if (!inLoop() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /**
     * Whether tasks are waiting. A send made on the loop thread while tasks wait must queue
     * behind them: one of them may be a send from another thread that happened before it.
     */
    boolean hasPendingTasks() {
        return !tasks.isEmpty();
    }

    /** The loop's shared read buffer: valid only for the duration of one read callback. */
    ByteBuffer readBuffer() {
        return readBuffer;
    }

    /**
     * The loop's direct buffer that batches small frames into one write; loop thread only. While
     * it holds a connection's answers ({@link #replyRoom}) only that connection may use it.
     */
    ByteBuffer writeStaging() {
        return writeStaging;
    }

    /**
     * Room at the staging buffer's position for {@code length} more bytes of the answers {@code c}
     * frames while its read is handled, which the end of that read writes ({@link #takeReplies});
     * null if they do not fit. The first call of a read empties the buffer for them.
     */
    ByteBuffer replyRoom(Connection c, long length) {
        if (replying != c) {
            if (replying != null || length > writeStaging.capacity()) {
                return null;
            }
            writeStaging.clear();
            replying = c;
        }
        return writeStaging.remaining() >= length ? writeStaging : null;
    }

    /** Whether the staging buffer holds answers {@code c} framed there. */
    boolean holdsRepliesOf(Connection c) {
        return replying == c;
    }

    /** Gives the staging buffer back, ready to read the answers framed there from its start. */
    ByteBuffer takeReplies() {
        replying = null;
        return writeStaging.flip();
    }

    /** An empty write queue for a connection that queues a frame: the one last given back, else a new one. */
    WriteQueue takeWriteQueue() {
        WriteQueue q = spareWriteQueue;
        if (q == null) {
            return new WriteQueue();
        }
        spareWriteQueue = null;
        return q;
    }

    /** Takes back the write queue a connection emptied, so that an idle connection holds none. */
    void giveBack(WriteQueue emptied) {
        spareWriteQueue = emptied;
    }

    /** The loop's buffer for TLS records read from a socket; loop thread only. */
    @Override
    public ByteBuffer tlsIn() {
        if (tlsIn == null) {
            tlsIn = ByteBuffer.allocateDirect(TLS_BUFFER_SIZE);
        }
        return tlsIn;
    }

    /** The loop's buffer for TLS records wrapped for a socket; loop thread only. */
    @Override
    public ByteBuffer tlsOut() {
        if (tlsOut == null) {
            tlsOut = ByteBuffer.allocateDirect(TLS_BUFFER_SIZE);
        }
        return tlsOut;
    }

    Selector selector() {
        return selector;
    }

    MemoryBudget budget() {
        return budget;
    }

    /** Bytes entered into ({@code delta} > 0) or written from or dropped from a write queue; loop thread only. */
    void countQueued(long delta) {
        queuedHere += delta;
    }

    /** The bytes in this loop's write queues at the end of its last iteration; any thread. */
    long queuedBytes() {
        return queuedPublished;
    }

    void add(Connection connection) {
        connection.loopNext = first;
        if (first != null) {
            first.loopPrev = connection;
        }
        first = connection;
    }

    /** Takes {@code connection} off the loop's list; does nothing if it is not on it. */
    void remove(Connection connection) {
        if (connection.loopPrev == null && first != connection) {
            return;
        }
        if (connection.loopPrev != null) {
            connection.loopPrev.loopNext = connection.loopNext;
        } else {
            first = connection.loopNext;
        }
        if (connection.loopNext != null) {
            connection.loopNext.loopPrev = connection.loopPrev;
        }
        connection.loopPrev = null;
        connection.loopNext = null;
    }

    /** A copy of the loop's connections, safe to walk while they close. */
    private List<Connection> connections() {
        List<Connection> all = new ArrayList<>();
        for (Connection c = first; c != null; c = c.loopNext) {
            all.add(c);
        }
        return all;
    }

    /** Asks for a write of this connection's queue at the end of the current iteration. */
    void scheduleFlush(Connection connection) {
        toFlush.add(connection);
    }

    /**
     * Closes every connection with 1001 and ends the loop once none is left; with
     * {@code hard}, drops every connection at once and ends.
     */
    void shutdown(boolean hard) {
        execute(() -> {
            draining = true;
            for (Connection c : connections()) {
                if (hard) {
                    c.abort();
                } else {
                    c.goAway();
                }
            }
            if (hard) {
                stopped = true;
            }
        });
    }

    /**
     * Shuts loops down: gracefully until {@code deadline} (a {@link System#nanoTime} value), then
     * hard; returns once every loop thread has ended. A {@code null} deadline is a hard stop.
     */
    static void shutdownAll(SelectorLoop[] loops, Long deadline) throws InterruptedException {
        if (deadline != null) {
            for (SelectorLoop loop : loops) {
                loop.shutdown(false);
            }
            for (SelectorLoop loop : loops) {
                long left = Math.max(0, deadline - System.nanoTime());
                loop.thread.join(Math.max(1, left / 1_000_000));
            }
        }
        for (SelectorLoop loop : loops) {
            loop.shutdown(true);
        }
        for (SelectorLoop loop : loops) {
            loop.thread.join();
        }
    }

    @Override
    public void run() {
        clock = System.nanoTime();
        nextTick = clock + tickNanos;
        Throwable failure = null;
        try {
            while (!stopped) {
                select();
                runTasks();
                flushAll();
                runTimers();
                queuedPublished = queuedHere;
                if (budget.exceeded()) {
                    closeBusiest();
                }
                if (draining && first == null) {
                    stopped = true;
                }
            }
        } catch (Throwable t) {
            failure = t;
            logQuietly("selector loop " + thread.getName() + " failed; closing its connections", t);
        }
        closeEverything(failure != null);
        if (failure != null) {
            onFailure.accept(failure);
            runDroppedTasks();
        }
    }

    /** Logs at ERROR; a logger that fails (out of memory, out of descriptors) must not end the loop's cleanup. */
    private static void logQuietly(String message, Throwable t) {
        try {
            LOG.log(Level.ERROR, message, t);
        } catch (Throwable ignored) {
            // nothing left to report through
        }
    }

    /** Over the memory budget: the connection of this loop holding the most bytes goes first. */
    private void closeBusiest() {
        Connection busiest = null;
        long most = 0;
        for (Connection c = first; c != null; c = c.loopNext) {
            long held = c.bytesHeld();
            if (held > most) {
                most = held;
                busiest = c;
            }
        }
        if (busiest != null) {
            LOG.log(Level.WARNING, "over the server's memory budget: closing " + busiest + ", which holds " + most
                    + " bytes, with 1013");
            busiest.failNow(CloseCodes.TRY_AGAIN_LATER);
            busiest.abort();
            queuedPublished = queuedHere;
        }
    }

    /** A connection's work threw: that connection goes, the loop stays. */
    private static void dropAfterFailure(Connection c, Throwable t) {
        logQuietly("dropping " + c + " after an unexpected failure", t);
        try {
            c.failNow(CloseCodes.INTERNAL_ERROR);
            c.abort();
        } catch (Throwable again) {
            logQuietly("dropping " + c + " failed too", again);
        }
    }

    /**
     * Waits for readiness (not at all if tasks are waiting) and handles each ready key as the
     * selector reports it: no selected-key set is filled, iterated and cleared on the way.
     */
    private void select() throws IOException {
        long waitMillis = Math.max(1, (nextTick - clock) / 1_000_000); // the clock as the timers read it
        clock = 0;
        if (!tasks.isEmpty()) {
            selector.selectNow(onReady);
        } else {
            selector.select(onReady, waitMillis);
        }
        wakeupPending.set(false);
    }

    private void runTasks() {
        if (tasks.isEmpty()) {
            return; // nothing to time
        }
        Runnable task;
        int budget = 1 << 16;
        long start = System.nanoTime();
        clock = start;
        while (budget-- > 0 && (task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (Throwable t) {
                logQuietly("task failed on " + thread.getName(), t);
            }
        }
        checkStall(start, null);
    }

    private void handleReady(SelectionKey key) {
        Connection c = (Connection) key.attachment();
        if (!key.isValid()) {
            return;
        }
        long start = clock != 0 ? clock : System.nanoTime();
        clock = start;
        try {
            dispatch(key, c);
        } catch (Throwable t) {
            dropAfterFailure(c, t);
        }
        clock = checkStall(start, c);
    }

    /**
     * {@return when the work in progress on this loop began} A read of {@link System#nanoTime}
     * made at most one ready key's handling (or one batch of tasks) ago; loop thread only.
     */
    long now() {
        return clock;
    }

    /**
     * Counts and reports (JFR {@code io.niows.LoopStalled}, DEBUG) a stretch of work that held
     * this loop past its threshold: every other connection of the loop waited that long.
     *
     * @param c the connection served, or null for tasks and timers
     * @return the time now, as {@link System#nanoTime} read it
     */
    private long checkStall(long start, Connection c) {
        long end = System.nanoTime();
        long held = end - start;
        if (held <= stallNanos) {
            return end;
        }
        counters.loopStalls++;
        LOG.log(Level.DEBUG, () -> "loop " + thread.getName() + " held for " + held / 1_000_000 + " ms by "
                + (c == null ? "tasks" : c.toString()));
        LoopStalled event = new LoopStalled();
        if (event.isEnabled()) {
            event.loop = thread.getName();
            event.connection = c == null ? "" : c.toString();
            event.heldFor = held;
            event.commit();
        }
        return end;
    }

    private static void dispatch(SelectionKey key, Connection c) {
        int ops = key.readyOps();
        if ((ops & SelectionKey.OP_CONNECT) != 0) {
            c.onConnectable();
        }
        if (key.isValid() && (ops & SelectionKey.OP_WRITE) != 0) {
            c.flush();
        }
        if (key.isValid() && (ops & SelectionKey.OP_READ) != 0) {
            c.onReadable();
        }
    }

    private void flushAll() {
        Connection c;
        while ((c = toFlush.poll()) != null) {
            try {
                c.flush();
            } catch (Throwable t) {
                dropAfterFailure(c, t);
            }
        }
    }

    /** Runs the connections' timers once per tick; leaves the time read in {@link #clock}, for the next wait. */
    private void runTimers() {
        long now = System.nanoTime();
        clock = now;
        if (now - nextTick < 0) {
            return;
        }
        nextTick = now + tickNanos;
        long start = System.nanoTime();
        for (Connection c = first; c != null; ) {
            Connection next = c.loopNext; // c may close and leave the list; it touches no other
            try {
                c.onTick(now);
            } catch (Throwable t) {
                dropAfterFailure(c, t);
            }
            c = next;
        }
        clock = checkStall(start, null);
        flushAll();
    }

    /**
     * Ends every connection left; after a failure of the loop, each first gets 1011 if it can take
     * it. Waiting tasks run first (a connection they add is ended with the rest).
     */
    private void closeEverything(boolean failed) {
        stopped = true;
        runDroppedTasks();
        for (Connection c : connections()) {
            try {
                if (failed) {
                    c.failNow(CloseCodes.INTERNAL_ERROR);
                }
                c.abort();
            } catch (Throwable t) {
                logQuietly("closing " + c + " failed", t);
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing selector", e);
        }
    }

    /** Runs the tasks still waiting, once the loop no longer selects: they find the selector closing or closed. */
    private void runDroppedTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (Throwable t) {
                logQuietly("task dropped at shutdown failed", t);
            }
        }
    }
}
