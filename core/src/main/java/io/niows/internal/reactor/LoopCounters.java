package io.niows.internal.reactor;

/**
 * One server's or client's counts on one selector loop: plain fields, each written by that loop's
 * thread alone, with no atomic instruction on the hot path. {@link RuntimeMetrics} sums them on
 * read.
 *
 * <p>Thread-safety: written on the loop thread only; read from any thread, where a value may lag
 * the loop by the writes of its current iteration (a {@code long} is read whole on the 64-bit
 * JVMs niows runs on).
 */
final class LoopCounters {

    /** Upper bounds of the ping round-trip buckets, in nanoseconds; one more bucket takes the rest. */
    static final long[] RTT_BOUNDS_NANOS = {1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L};

    long accepted;
    long opened;
    long closed;
    long messagesIn;
    long messagesOut;
    long bytesIn;
    long bytesOut;
    long framesIn;
    long framesOut;
    long queued;
    long loopStalls;
    long lastRttNanos = -1;
    long rttSumNanos;
    final long[] rttBuckets = new long[RTT_BOUNDS_NANOS.length + 1];

    void recordRtt(long nanos) {
        lastRttNanos = nanos;
        rttSumNanos += nanos;
        int i = 0;
        while (i < RTT_BOUNDS_NANOS.length && nanos > RTT_BOUNDS_NANOS[i]) {
            i++;
        }
        rttBuckets[i]++;
    }
}
