package io.niows.internal.reactor;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counts of one server or one client: per-loop {@link LoopCounters} for what happens on every
 * message (summed on read), and concurrent maps for what happens once per connection (refusals,
 * close codes, protocol failures) or on any thread (a broadcaster's evictions and skips).
 *
 * <p>Thread-safe: the {@code count} methods of events that happen off the loop and every read
 * method may be called from any thread; {@link #on} is called on the loop thread it names.
 */
public final class RuntimeMetrics {

    private final Map<SelectorLoop, LoopCounters> loops = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> refusedByStatus = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> closeSent = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> closeReceived = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> failures = new ConcurrentHashMap<>();
    private final LongAdder evictions = new LongAdder();
    private final LongAdder skips = new LongAdder();

    /** The counters a connection on {@code loop} writes; called once per connection, on that loop. */
    LoopCounters on(SelectorLoop loop) {
        return loops.computeIfAbsent(loop, l -> new LoopCounters());
    }

    void countRefused(int status) {
        count(refusedByStatus, status);
    }

    void countCloseSent(int code) {
        count(closeSent, code);
    }

    void countCloseReceived(int code) {
        count(closeReceived, code);
    }

    void countProtocolFailure(int code) {
        count(failures, code);
    }

    /** A broadcaster closed one of these connections for being too slow; any thread. */
    public void countEviction() {
        evictions.increment();
    }

    /** A broadcaster skipped a message for one of these connections; any thread. */
    public void countSkip() {
        skips.increment();
    }

    private static void count(Map<Integer, LongAdder> map, int key) {
        map.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** {@return a copy of a map of counts, sorted by key} */
    private static Map<Integer, Long> copy(Map<Integer, LongAdder> map) {
        Map<Integer, Long> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k, v.sum()));
        return Collections.unmodifiableMap(out);
    }

    /** {@return the sum of one per-loop counter over every loop} */
    private long sum(java.util.function.ToLongFunction<LoopCounters> field) {
        long total = 0;
        for (LoopCounters c : loops.values()) {
            total += field.applyAsLong(c);
        }
        return total;
    }

    /** {@return TCP connections a server accepted} */
    public long accepted() {
        return sum(c -> c.accepted);
    }

    /** {@return connections whose opening handshake completed} */
    public long opened() {
        return sum(c -> c.opened);
    }

    /** {@return opened connections whose TCP connection is closed} */
    public long closed() {
        return sum(c -> c.closed);
    }

    /** {@return complete messages received} */
    public long messagesIn() {
        return sum(c -> c.messagesIn);
    }

    /** {@return data messages queued for sending (their last frame)} */
    public long messagesOut() {
        return sum(c -> c.messagesOut);
    }

    /** {@return bytes read from sockets} */
    public long bytesIn() {
        return sum(c -> c.bytesIn);
    }

    /** {@return bytes written to sockets} */
    public long bytesOut() {
        return sum(c -> c.bytesOut);
    }

    /** {@return frames received, control frames included} */
    public long framesIn() {
        return sum(c -> c.framesIn);
    }

    /** {@return frames queued for sending, control frames included} */
    public long framesOut() {
        return sum(c -> c.framesOut);
    }

    /** {@return bytes in write queues now} */
    public long queuedBytes() {
        return sum(c -> c.queued);
    }

    /** {@return times a loop was held longer than its stall threshold} */
    public long loopStalls() {
        return sum(c -> c.loopStalls);
    }

    /** {@return the latest ping round trip of any loop, in nanoseconds; -1 before the first} */
    public long lastRttNanos() {
        long last = -1;
        for (LoopCounters c : loops.values()) {
            last = Math.max(last, c.lastRttNanos);
        }
        return last;
    }

    /** {@return the sum of every ping round trip measured, in nanoseconds} */
    public long rttSumNanos() {
        return sum(c -> c.rttSumNanos);
    }

    /** {@return ping round trips per bucket; the bounds are {@link #rttBoundsNanos()}} */
    public long[] rttBuckets() {
        long[] total = new long[LoopCounters.RTT_BOUNDS_NANOS.length + 1];
        for (LoopCounters c : loops.values()) {
            for (int i = 0; i < total.length; i++) {
                total[i] += c.rttBuckets[i];
            }
        }
        return total;
    }

    /** {@return the upper bounds of the ping round-trip buckets, in nanoseconds} */
    public static long[] rttBoundsNanos() {
        return LoopCounters.RTT_BOUNDS_NANOS.clone();
    }

    /** {@return handshakes answered with an HTTP status instead of 101, by status} */
    public Map<Integer, Long> refusedByStatus() {
        return copy(refusedByStatus);
    }

    /** {@return close frames sent, by code} */
    public Map<Integer, Long> closeSent() {
        return copy(closeSent);
    }

    /** {@return close frames received, by code} */
    public Map<Integer, Long> closeReceived() {
        return copy(closeReceived);
    }

    /** {@return connections failed for a protocol violation by the peer, by close code} */
    public Map<Integer, Long> protocolFailures() {
        return copy(failures);
    }

    /** {@return connections a broadcaster closed for being too slow} */
    public long evictions() {
        return evictions.sum();
    }

    /** {@return messages a broadcaster skipped for a connection} */
    public long skips() {
        return skips.sum();
    }
}
