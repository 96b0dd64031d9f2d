package io.niows.internal.reactor;

import io.niows.protocol.EngineConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * The limits and timeouts of one connection, server or client. Made by {@link #builder}, each
 * value set by name; the defaults a user sees live with the public builders, so this class has
 * none of its own: {@link Builder#build()} refuses a settings object with a value left out,
 * other than the idle timeout and the keep-alive, which are off unless set.
 *
 * <p>Thread-safe; immutable but for the {@link #metrics()} it carries (one server's or one
 * client's counts, themselves thread-safe), made anew by each {@link Builder#build()}.
 */
public final class ConnectionSettings {

    private final EngineConfig engine;
    private final long lowWaterMark;
    private final long highWaterMark;
    private final long maxQueuedBytes;
    private final long handshakeTimeoutNanos;
    private final long idleTimeoutNanos;
    private final long pingIntervalNanos;
    private final long pongTimeoutNanos;
    private final long closeTimeoutNanos;
    private final long loopStallNanos;
    /** The counts of every connection made with these settings: one server's or one client's. */
    private final RuntimeMetrics metrics = new RuntimeMetrics();
    /** The arrays of large messages handed back, for the next ones: one server's or one client's. */
    private final RecycledArrays arrays = new RecycledArrays();

    private ConnectionSettings(Builder b) {
        this.engine = b.engine.messageBuffers() == null ? b.engine.withMessageBuffers(arrays) : b.engine;
        this.lowWaterMark = b.lowWaterMark;
        this.highWaterMark = b.highWaterMark;
        this.maxQueuedBytes = b.maxQueuedBytes;
        this.handshakeTimeoutNanos = b.handshakeTimeout.toNanos();
        this.idleTimeoutNanos = b.idleTimeout.toNanos();
        this.pingIntervalNanos = b.pingInterval.toNanos();
        this.pongTimeoutNanos = b.pongTimeout.toNanos();
        this.closeTimeoutNanos = b.closeTimeout.toNanos();
        this.loopStallNanos = b.loopStallThreshold.toNanos();
    }

    /** A builder for connections whose protocol engine runs with {@code engine}. */
    public static Builder builder(EngineConfig engine) {
        return new Builder(engine);
    }

    /** The protocol engine's role and limits. */
    public EngineConfig engine() {
        return engine;
    }

    /** Where handed-over payloads go back once written, to carry later messages. */
    RecycledArrays arrays() {
        return arrays;
    }

    /** Queued bytes at or under which a connection is writable again. */
    public long lowWaterMark() {
        return lowWaterMark;
    }

    /** Queued bytes over which a send says {@code QUEUED_ABOVE_HIGH_WATER}. */
    public long highWaterMark() {
        return highWaterMark;
    }

    /** Queued bytes past which a send closes the connection with 1008. */
    public long maxQueuedBytes() {
        return maxQueuedBytes;
    }

    /** How long the opening handshake may take (for a client, the TCP connect too). */
    public long handshakeTimeoutNanos() {
        return handshakeTimeoutNanos;
    }

    /** Silence after which a connection is closed; 0 for never. */
    public long idleTimeoutNanos() {
        return idleTimeoutNanos;
    }

    /** Silence after which a keep-alive ping is sent; 0 for never. */
    public long pingIntervalNanos() {
        return pingIntervalNanos;
    }

    /** How long a keep-alive ping may wait for any answer before the TCP connection is dropped. */
    public long pongTimeoutNanos() {
        return pongTimeoutNanos;
    }

    /** How long a close handshake may take before the TCP connection is dropped. */
    public long closeTimeoutNanos() {
        return closeTimeoutNanos;
    }

    /** How long a loop may be held by one connection or one batch of tasks before it reports a stall. */
    public long loopStallNanos() {
        return loopStallNanos;
    }

    /** The counts of the connections made with these settings. */
    public RuntimeMetrics metrics() {
        return metrics;
    }

    /** How often a loop looks at its connections' deadlines: a tenth of the shortest timeout. */
    long timerTickNanos() {
        long shortest = Long.MAX_VALUE;
        for (long t : new long[] {handshakeTimeoutNanos, idleTimeoutNanos, pingIntervalNanos,
                pongTimeoutNanos, closeTimeoutNanos}) {
            if (t > 0) {
                shortest = Math.min(shortest, t);
            }
        }
        return Math.max(10_000_000L, Math.min(1_000_000_000L, shortest / 10));
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + engine + ", waterMarks=" + lowWaterMark + "/"
                + highWaterMark + ", maxQueuedBytes=" + maxQueuedBytes + ", handshakeTimeoutNanos="
                + handshakeTimeoutNanos + ", idleTimeoutNanos=" + idleTimeoutNanos + ", pingIntervalNanos="
                + pingIntervalNanos + ", pongTimeoutNanos=" + pongTimeoutNanos + ", closeTimeoutNanos="
                + closeTimeoutNanos + "]";
    }

    /**
     * Collects the values by name. The public builders check each value against its rule; this
     * one checks only that every value was given.
     *
     * <p>Not thread-safe: build on one thread.
     */
    public static final class Builder {
        private final EngineConfig engine;
        private long lowWaterMark = -1;
        private long highWaterMark = -1;
        private long maxQueuedBytes = -1;
        private Duration handshakeTimeout;
        private Duration idleTimeout = Duration.ZERO;
        private Duration pingInterval = Duration.ZERO;
        private Duration pongTimeout = Duration.ZERO;
        private Duration closeTimeout;
        private Duration loopStallThreshold = Duration.ofMillis(100);

        private Builder(EngineConfig engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
        }

        /** Queued bytes over {@code high} are reported; the connection is writable again at {@code low}. */
        public Builder writeWaterMarks(long low, long high) {
            this.lowWaterMark = low;
            this.highWaterMark = high;
            return this;
        }

        /** Queued bytes past which a send closes the connection with 1008. */
        public Builder maxQueuedBytes(long bytes) {
            this.maxQueuedBytes = bytes;
            return this;
        }

        /** How long the opening handshake may take. */
        public Builder handshakeTimeout(Duration timeout) {
            this.handshakeTimeout = Objects.requireNonNull(timeout, "handshakeTimeout");
            return this;
        }

        /** Silence after which a connection is closed; zero (the default here) for never. */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = Objects.requireNonNull(timeout, "idleTimeout");
            return this;
        }

        /**
         * Silence after which a keep-alive ping is sent (zero, the default here, for never), and
         * how long it may go unanswered.
         */
        public Builder keepAlive(Duration pingInterval, Duration pongTimeout) {
            this.pingInterval = Objects.requireNonNull(pingInterval, "pingInterval");
            this.pongTimeout = Objects.requireNonNull(pongTimeout, "pongTimeout");
            return this;
        }

        /** How long a close handshake may take before the TCP connection is dropped. */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = Objects.requireNonNull(timeout, "closeTimeout");
            return this;
        }

        /** How long a loop may be held before it reports a stall; 100 ms unless set here. */
        public Builder loopStallThreshold(Duration threshold) {
            this.loopStallThreshold = Objects.requireNonNull(threshold, "loopStallThreshold");
            return this;
        }

        /**
         * The settings.
         *
         * @throws IllegalStateException naming the first value that was not given
         */
        public ConnectionSettings build() {
            require(lowWaterMark >= 0 && highWaterMark >= 0, "writeWaterMarks");
            require(maxQueuedBytes >= 0, "maxQueuedBytes");
            require(handshakeTimeout != null, "handshakeTimeout");
            require(closeTimeout != null, "closeTimeout");
            return new ConnectionSettings(this);
        }

        private static void require(boolean given, String name) {
            if (!given) {
                throw new IllegalStateException(name + " was not set");
            }
        }
    }
}
