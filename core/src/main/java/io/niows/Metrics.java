package io.niows;

import io.niows.internal.reactor.RuntimeMetrics;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What one server or one client has done since it was built, as counted at one moment: from
 * {@link WebSocketServer#metrics()} or {@link WebSocketClient#metrics()}.
 *
 * <p>Counting costs no atomic instruction on the hot path: each selector loop counts its own
 * connections in plain fields, and a snapshot sums the loops. A snapshot is therefore not one
 * instant across loops: each value may lag its loop by the work of that loop's current iteration,
 * and two values of one snapshot may disagree by that much (bytes counted before their message).
 * Counts only grow, except {@link #connectionsOpen()} and {@link #queuedBytes()}, which are
 * levels. A client that shares a server's loops is counted on its own.
 *
 * <p>Immutable and thread-safe. Each map is sorted by its key and cannot be modified.
 */
public final class Metrics {

    private final long accepted;
    private final long opened;
    private final long closed;
    private final Map<Integer, Long> refusedByStatus;
    private final Map<Integer, Long> closeSent;
    private final Map<Integer, Long> closeReceived;
    private final Map<Integer, Long> protocolFailures;
    private final long messagesIn;
    private final long messagesOut;
    private final long bytesIn;
    private final long bytesOut;
    private final long framesIn;
    private final long framesOut;
    private final long queuedBytes;
    private final long evictions;
    private final long skips;
    private final long loopStalls;
    private final long lastRttNanos;
    private final long rttSumNanos;
    private final long[] rttBuckets;

    private Metrics(RuntimeMetrics m) {
        // levels and rare events first, so the busy counters read last are the newest
        this.closed = m.closed();
        this.opened = m.opened();
        this.accepted = m.accepted();
        this.refusedByStatus = m.refusedByStatus();
        this.closeSent = m.closeSent();
        this.closeReceived = m.closeReceived();
        this.protocolFailures = m.protocolFailures();
        this.evictions = m.evictions();
        this.skips = m.skips();
        this.loopStalls = m.loopStalls();
        this.lastRttNanos = m.lastRttNanos();
        this.rttSumNanos = m.rttSumNanos();
        this.rttBuckets = m.rttBuckets();
        this.queuedBytes = m.queuedBytes();
        this.framesIn = m.framesIn();
        this.framesOut = m.framesOut();
        this.messagesIn = m.messagesIn();
        this.messagesOut = m.messagesOut();
        this.bytesIn = m.bytesIn();
        this.bytesOut = m.bytesOut();
    }

    /** A snapshot of {@code counts}. */
    static Metrics of(RuntimeMetrics counts) {
        return new Metrics(counts);
    }

    /** {@return TCP connections the server accepted, refused ones included; 0 on a client} */
    public long connectionsAccepted() {
        return accepted;
    }

    /** {@return connections whose opening handshake completed} */
    public long connectionsOpened() {
        return opened;
    }

    /** {@return opened connections whose TCP connection has closed since} */
    public long connectionsClosed() {
        return closed;
    }

    /** {@return connections open now: opened and not yet closed} */
    public long connectionsOpen() {
        return Math.max(0, opened - closed);
    }

    /**
     * {@return requests answered with an HTTP error status (400 and above) instead of 101, by
     * status} On a server: refused upgrades (403 origin, 404 no route, 503 over a limit, ...) and
     * the fallback's error answers to plain HTTP; on a client: the servers' refusals.
     */
    public Map<Integer, Long> refusedByStatus() {
        return refusedByStatus;
    }

    /** {@return close frames sent, by close code (1005 for one without a code)} */
    public Map<Integer, Long> closeFramesSent() {
        return closeSent;
    }

    /** {@return close frames received, by close code (1005 for one without a code)} */
    public Map<Integer, Long> closeFramesReceived() {
        return closeReceived;
    }

    /** {@return connections failed because the peer broke the protocol, by the close code sent} */
    public Map<Integer, Long> protocolFailures() {
        return protocolFailures;
    }

    /** {@return complete data messages received} */
    public long messagesIn() {
        return messagesIn;
    }

    /** {@return data messages queued for sending, counted at their last frame; broadcasts once per member} */
    public long messagesOut() {
        return messagesOut;
    }

    /** {@return bytes read from the sockets, handshakes and frame headers included} */
    public long bytesIn() {
        return bytesIn;
    }

    /** {@return bytes written to the sockets, handshakes and frame headers included} */
    public long bytesOut() {
        return bytesOut;
    }

    /** {@return frames received, control frames included} */
    public long framesIn() {
        return framesIn;
    }

    /** {@return frames queued for sending, control frames included} */
    public long framesOut() {
        return framesOut;
    }

    /** {@return bytes in the connections' write queues now, not yet written to the sockets} */
    public long queuedBytes() {
        return queuedBytes;
    }

    /** {@return connections a {@link Broadcaster} closed with 1008 for being over its limit} */
    public long broadcastEvictions() {
        return evictions;
    }

    /** {@return messages a {@link Broadcaster} skipped for a connection (over its limit, or busy)} */
    public long broadcastSkips() {
        return skips;
    }

    /**
     * {@return times a selector loop was held longer than its stall threshold} by one connection's
     * work (its handler included) or one batch of tasks; see {@link ConnectionOptions#loopStallThreshold}.
     */
    public long loopStalls() {
        return loopStalls;
    }

    /**
     * {@return the latest ping round trip measured (from a ping sent, by keep-alive or {@link
     * WebSocket#ping}, to the next pong), or null before the first}
     */
    public Duration lastPingRoundTrip() {
        return lastRttNanos < 0 ? null : Duration.ofNanos(lastRttNanos);
    }

    /**
     * {@return the upper bounds of the ping round-trip histogram's buckets} Bucket {@code i} of
     * {@link #pingRoundTrips()} counts round trips up to bound {@code i} (and above the previous
     * one); the last bucket, one more than there are bounds, counts the longer ones.
     */
    public static List<Duration> pingRoundTripBounds() {
        return Arrays.stream(RuntimeMetrics.rttBoundsNanos()).mapToObj(Duration::ofNanos).toList();
    }

    /** {@return ping round trips per bucket of {@link #pingRoundTripBounds()}: 1 ms, 10 ms, 100 ms, 1 s, longer} */
    public List<Long> pingRoundTrips() {
        return Arrays.stream(rttBuckets).boxed().toList();
    }

    /** {@return the sum of every ping round trip counted in {@link #pingRoundTrips()}} */
    public Duration pingRoundTripTotal() {
        return Duration.ofNanos(rttSumNanos);
    }

    @Override
    public String toString() {
        return "Metrics[open=" + connectionsOpen() + ", accepted=" + accepted + ", opened=" + opened
                + ", refused=" + refusedByStatus + ", closeSent=" + closeSent + ", closeReceived=" + closeReceived
                + ", protocolFailures=" + protocolFailures + ", messagesIn=" + messagesIn + ", messagesOut="
                + messagesOut + ", bytesIn=" + bytesIn + ", bytesOut=" + bytesOut + ", framesIn=" + framesIn
                + ", framesOut=" + framesOut + ", queuedBytes=" + queuedBytes + ", evictions=" + evictions
                + ", skips=" + skips + ", loopStalls=" + loopStalls + ", lastPingRoundTrip="
                + lastPingRoundTrip() + ", pingRoundTrips=" + pingRoundTrips() + "]";
    }
}
