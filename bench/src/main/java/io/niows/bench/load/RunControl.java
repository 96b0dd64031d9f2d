package io.niows.bench.load;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The phase of one load round, set by the runner and read by the load loops, plus the counters
 * the loops report connection set-up through.
 *
 * <p>Thread-safe: the phase is volatile, the counters atomic.
 */
final class RunControl {

    /** Loops open their connections and do the handshake; no traffic. */
    static final int CONNECT = 0;
    /** Traffic flows; nothing is recorded. */
    static final int WARMUP = 1;
    /** Traffic flows and is recorded. */
    static final int MEASURE = 2;
    /** No new traffic is started; answers still arrive. */
    static final int DRAIN = 3;
    /** Loops close their connections and end. */
    static final int STOP = 4;

    private volatile int phase = CONNECT;
    final AtomicInteger established = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

    int phase() {
        return phase;
    }

    void phase(int next) {
        phase = next;
    }

    void connectionFailed(Throwable cause) {
        failed.incrementAndGet();
        firstFailure.compareAndSet(null, cause);
    }
}
