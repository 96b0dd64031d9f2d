package io.niows.bench.load;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts, across all load loops, how many connections have received each broadcast message, so
 * publishers keep a bounded number of messages in flight (a message is done when every connection
 * on {@code /broadcast} has it) and the runner can tell how many deliveries were lost.
 *
 * <p>Thread-safe: atomics only.
 */
final class BroadcastTally {

    private static final int RING = 1 << 16;

    private final int expected;
    private final AtomicLong nextSeq = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicIntegerArray counts = new AtomicIntegerArray(RING);
    private final LongAdder receipts = new LongAdder();

    /** {@code expected}: the number of connections each message must reach. */
    BroadcastTally(int expected) {
        this.expected = expected;
    }

    /** Claims the next sequence number for a message about to be published. */
    long publish() {
        long seq = nextSeq.getAndIncrement();
        counts.set((int) (seq & (RING - 1)), 0);
        return seq;
    }

    /** Messages published and not yet received by every connection. */
    long inFlight() {
        return nextSeq.get() - done.get();
    }

    /** Records one receipt; true when it was the last one that message needed. */
    boolean received(long seq) {
        receipts.increment();
        if (seq < 0 || seq >= nextSeq.get()) {
            return false;
        }
        if (counts.incrementAndGet((int) (seq & (RING - 1))) == expected) {
            done.incrementAndGet();
            return true;
        }
        return false;
    }

    long published() {
        return nextSeq.get();
    }

    /** Receipts owed and not received: published x expected - received. */
    long lost() {
        return nextSeq.get() * expected - receipts.sum();
    }
}
