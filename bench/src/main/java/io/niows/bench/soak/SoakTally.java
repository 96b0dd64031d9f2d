package io.niows.bench.soak;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the soak's connections have done so far, the first failure any of them saw, and the flag
 * that tells them to finish.
 *
 * <p>Thread-safe: every connection thread counts into it, the runner reads it.
 */
final class SoakTally {

    private final LongAdder echoes = new LongAdder();
    private final LongAdder echoBytes = new LongAdder();
    private final LongAdder pongs = new LongAdder();
    private final LongAdder connections = new LongAdder();
    private final LongAdder resets = new LongAdder();
    private final LongAdder halfCloses = new LongAdder();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private volatile boolean stopping;

    void connected() {
        connections.increment();
    }

    void echoed(int bytes) {
        echoes.increment();
        echoBytes.add(bytes);
    }

    void ponged() {
        pongs.increment();
    }

    void reset() {
        resets.increment();
    }

    void halfClosed() {
        halfCloses.increment();
    }

    /** Records {@code what} unless a failure came first, and asks every connection to finish. */
    void fail(String what) {
        failure.compareAndSet(null, what);
        stopping = true;
    }

    void stop() {
        stopping = true;
    }

    boolean stopping() {
        return stopping;
    }

    /** The first failure, or null. */
    String failure() {
        return failure.get();
    }

    long echoes() {
        return echoes.sum();
    }

    long echoBytes() {
        return echoBytes.sum();
    }

    long pongs() {
        return pongs.sum();
    }

    long connections() {
        return connections.sum();
    }

    long resets() {
        return resets.sum();
    }

    long halfCloses() {
        return halfCloses.sum();
    }
}
