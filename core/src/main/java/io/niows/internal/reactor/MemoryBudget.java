package io.niows.internal.reactor;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes a server's connections may hold together: the buffers of unfinished incoming
 * messages and the write queues. Past the limit, a connection whose unfinished message grows is
 * failed with 1013 (Try Again Later), and each loop closes its busiest connection (1013), one per
 * iteration, until the total is back under.
 *
 * <p>Thread-safe. The hot path stays free of shared writes: a connection reports its incoming
 * buffers only when their size changes (not for a message read whole, which never outlives the
 * read), and each loop publishes its write-queue total once per iteration.
 */
final class MemoryBudget {

    /** No limit: for a client's own loops. */
    static MemoryBudget unlimited() {
        return new MemoryBudget(Long.MAX_VALUE);
    }

    private final long limit;
    private final AtomicLong incoming = new AtomicLong();
    private SelectorLoop[] loops = new SelectorLoop[0];

    MemoryBudget(long limit) {
        this.limit = limit;
    }

    /** The loops whose write queues count; set once, before they start. */
    void watch(SelectorLoop[] loops) {
        this.loops = loops.clone();
    }

    /** A connection's incoming buffers grew (or shrank, for a negative {@code delta}). */
    void addIncoming(long delta) {
        incoming.addAndGet(delta);
    }

    /** Whether the connections hold more than the limit. */
    boolean exceeded() {
        if (limit == Long.MAX_VALUE) {
            return false;
        }
        long total = incoming.get();
        for (SelectorLoop loop : loops) {
            total += loop.queuedBytes();
        }
        return total > limit;
    }
}
