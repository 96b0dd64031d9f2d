package io.niows;

import io.niows.internal.reactor.ConnectionSettings;
import io.niows.protocol.EngineConfig;
import io.niows.protocol.FrameTrace;
import io.niows.protocol.PerMessageDeflate;
import io.niows.protocol.Role;
import java.time.Duration;

/**
 * The settings a server and a client share: how many selector loops carry the connections, and
 * each connection's size limits, write-queue bounds and timeouts. {@link WebSocketServer.Builder}
 * and {@link WebSocketClient.Builder} both extend it, so each of these setters, its default (a
 * named constant here) and its check exist once and mean the same on both ends.
 *
 * <pre>{@code
 * WebSocketServer.builder().port(9001).maxMessageSize(1 << 20).idleTimeout(Duration.ofMinutes(5))...
 * WebSocketClient.builder().handshakeTimeout(Duration.ofSeconds(3)).closeTimeout(Duration.ofSeconds(2))...
 * }</pre>
 *
 * <p>Why a base class of the two builders rather than an options value handed to each: a server
 * or a client is still configured in one chain, with no second builder to make and pass along;
 * each setter returns the builder it was called on ({@code B}), so server-only or client-only
 * setters may follow it; and the shared setters are listed, with their defaults, in one place.
 * Only those two builders extend it.
 *
 * <p>Not thread-safe: build on one thread.
 *
 * @param <B> the builder that extends this class, returned by every setter
 */
public abstract sealed class ConnectionOptions<B extends ConnectionOptions<B>>
        permits WebSocketServer.Builder, WebSocketClient.Builder {

    /** The default largest frame payload: 16 MiB. */
    public static final long DEFAULT_MAX_FRAME_SIZE = EngineConfig.DEFAULT_MAX_SIZE;
    /** The default largest message: 16 MiB. */
    public static final long DEFAULT_MAX_MESSAGE_SIZE = EngineConfig.DEFAULT_MAX_SIZE;
    /** The default largest handshake head the peer may send: 16 KiB. */
    public static final int DEFAULT_MAX_HANDSHAKE_SIZE = EngineConfig.DEFAULT_MAX_HANDSHAKE_SIZE;
    /** The default low water mark of a connection's write queue: 32 KiB. */
    public static final long DEFAULT_LOW_WATER_MARK = 32 << 10;
    /** The default high water mark of a connection's write queue: 64 KiB. */
    public static final long DEFAULT_HIGH_WATER_MARK = 64 << 10;
    /** The default limit of a connection's write queue: 64 MiB. */
    public static final long DEFAULT_MAX_QUEUED_BYTES = 64L << 20;
    /** The default handshake timeout: 10 s. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    /** The default idle timeout: zero, never. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ZERO;
    /** The default keep-alive ping interval: zero, no keep-alive pings. */
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ZERO;
    /** The default time a keep-alive ping may go unanswered: 10 s. */
    public static final Duration DEFAULT_PONG_TIMEOUT = Duration.ofSeconds(10);
    /** The default close timeout: 5 s. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** The default time one connection's work may hold a loop before it counts as a stall: 100 ms. */
    public static final Duration DEFAULT_LOOP_STALL_THRESHOLD = Duration.ofMillis(100);

    private int loops;
    /** Null for the role's defaults. */
    private PerMessageDeflate deflate;
    private FrameTrace trace;
    private long maxFrameSize = DEFAULT_MAX_FRAME_SIZE;
    private long maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
    private int maxHandshakeSize = DEFAULT_MAX_HANDSHAKE_SIZE;
    private long lowWaterMark = DEFAULT_LOW_WATER_MARK;
    private long highWaterMark = DEFAULT_HIGH_WATER_MARK;
    private long maxQueuedBytes = DEFAULT_MAX_QUEUED_BYTES;
    private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private Duration pingInterval = DEFAULT_PING_INTERVAL;
    private Duration pongTimeout = DEFAULT_PONG_TIMEOUT;
    private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
    private Duration loopStallThreshold = DEFAULT_LOOP_STALL_THRESHOLD;

    /** @param defaultLoops the number of loops unless {@link #loops} is called: the one default the two ends do not share */
    ConnectionOptions(int defaultLoops) {
        this.loops = defaultLoops;
    }

    /**
     * The number of selector loops; a connection lives on one loop for its whole life. Default:
     * for a server, the number of processors; for a client, 1 (a client
     * {@linkplain WebSocketClient.Builder#sharing sharing} a server's loops has none of its own).
     *
     * @param loops the number of loops, at least 1
     * @return this builder
     */
    public B loops(int loops) {
        this.loops = (int) Settings.positive(loops, "loops");
        return self();
    }

    /**
     * The largest frame payload accepted, checked from the frame header before anything is
     * allocated (1009 past it); default {@link #DEFAULT_MAX_FRAME_SIZE 16 MiB}. A limit above
     * {@link #maxMessageSize} counts as that limit.
     *
     * @param bytes the largest payload of one frame, at least 1
     * @return this builder
     */
    public B maxFrameSize(long bytes) {
        this.maxFrameSize = Settings.positive(bytes, "maxFrameSize");
        return self();
    }

    /**
     * The largest message accepted, all its fragments together (1009 past it); default
     * {@link #DEFAULT_MAX_MESSAGE_SIZE 16 MiB}.
     *
     * @param bytes the largest message, at least 1
     * @return this builder
     */
    public B maxMessageSize(long bytes) {
        this.maxMessageSize = Settings.positive(bytes, "maxMessageSize");
        return self();
    }

    /**
     * The largest handshake head the peer may send, its first line at most 8 KiB of it: a
     * server answers a larger request with 431 (414 for the request line); a client fails the
     * connect on a larger answer. Default {@link #DEFAULT_MAX_HANDSHAKE_SIZE 16 KiB}.
     *
     * @param bytes the largest head, at least 1
     * @return this builder
     */
    public B maxHandshakeSize(int bytes) {
        this.maxHandshakeSize = (int) Settings.positive(bytes, "maxHandshakeSize");
        return self();
    }

    /**
     * Queued bytes over {@code high} make a send report
     * {@link io.niows.protocol.SendResult#QUEUED_ABOVE_HIGH_WATER}
     * and stop reading the connection; {@link WebSocketHandler#onWritable} follows once they fall
     * to {@code low}. Defaults {@link #DEFAULT_LOW_WATER_MARK 32} and
     * {@link #DEFAULT_HIGH_WATER_MARK 64 KiB}.
     *
     * @param low the queued bytes at which a paused producer and reading resume
     * @param high the queued bytes above which they pause; above {@code low}
     * @return this builder
     */
    public B writeWaterMarks(long low, long high) {
        Settings.waterMarks(low, high);
        this.lowWaterMark = low;
        this.highWaterMark = high;
        return self();
    }

    /**
     * Queued bytes past which a send closes the connection with 1008 instead; default
     * {@link #DEFAULT_MAX_QUEUED_BYTES 64 MiB}.
     *
     * @param bytes the most bytes one connection may have queued, at least 1
     * @return this builder
     */
    public B maxQueuedBytes(long bytes) {
        this.maxQueuedBytes = Settings.positive(bytes, "maxQueuedBytes");
        return self();
    }

    /**
     * How long the opening handshake may take: on a server, from the accept to the complete
     * request head (then TCP is dropped); on a client, the TCP connect and the handshake together
     * (then the connect fails). Default {@link #DEFAULT_HANDSHAKE_TIMEOUT 10 s}.
     *
     * @param timeout how long, above zero
     * @return this builder
     */
    public B handshakeTimeout(Duration timeout) {
        this.handshakeTimeout = Settings.positive(timeout, "handshakeTimeout");
        return self();
    }

    /**
     * Silence after which a connection is closed with 1001; default zero: never.
     *
     * @param timeout how long without a frame from the peer; zero for never
     * @return this builder
     */
    public B idleTimeout(Duration timeout) {
        this.idleTimeout = Settings.notNegative(timeout, "idleTimeout");
        return self();
    }

    /**
     * Silence after which a keep-alive ping is sent, and how long it may then go without any
     * answer (a pong or any other frame) before the TCP connection is dropped. Default interval
     * zero: no keep-alive pings; default {@link #DEFAULT_PONG_TIMEOUT pong timeout 10 s}.
     *
     * @param pingInterval how long without a frame from the peer before a ping; zero for no pings
     * @param pongTimeout how long a ping may then go without any frame in answer, above zero
     * @return this builder
     */
    public B keepAlive(Duration pingInterval, Duration pongTimeout) {
        this.pingInterval = Settings.notNegative(pingInterval, "pingInterval");
        this.pongTimeout = Settings.positive(pongTimeout, "pongTimeout");
        return self();
    }

    /**
     * How long a close handshake may take, and how long a connection that has finished or failed
     * it waits for the peer to close TCP, before the TCP connection is dropped. Default
     * {@link #DEFAULT_CLOSE_TIMEOUT 5 s}.
     *
     * @param timeout how long, above zero
     * @return this builder
     */
    public B closeTimeout(Duration timeout) {
        this.closeTimeout = Settings.positive(timeout, "closeTimeout");
        return self();
    }

    /**
     * How long one connection's work (its handler's callbacks included) or one batch of tasks may
     * hold a selector loop before the loop reports a stall: counted in {@link Metrics#loopStalls()},
     * logged at DEBUG and recorded as the JFR event {@code io.niows.LoopStalled}. Every other
     * connection of the loop waits that long. Default {@link #DEFAULT_LOOP_STALL_THRESHOLD 100 ms}.
     * A client sharing a server's loops is watched with the server's threshold.
     *
     * @param threshold how long, above zero
     * @return this builder
     */
    public B loopStallThreshold(Duration threshold) {
        this.loopStallThreshold = Settings.positive(threshold, "loopStallThreshold");
        return self();
    }

    /**
     * The permessage-deflate settings (RFC 7692): on or off, the compression level, the size
     * below which a message goes uncompressed, and the parameters asked of the peer. Default
     * {@link PerMessageDeflate#serverDefaults()} on a server (accepted, as browsers expect),
     * {@link PerMessageDeflate#clientDefaults()} on a client (offered); {@link
     * PerMessageDeflate#disabled()} turns it off.
     *
     * @param settings the settings
     * @return this builder
     */
    public B perMessageDeflate(PerMessageDeflate settings) {
        this.deflate = java.util.Objects.requireNonNull(settings, "settings");
        return self();
    }

    /**
     * A hook told every frame each connection sends and receives, exactly as on the wire, and the
     * opening handshake's heads: for watching the protocol at work (see {@link FrameTrace} for
     * the thread each call comes on). Default none, which costs one null check per read and per
     * send.
     *
     * @param hook the hook, thread-safe since a server's connections run on several loops; {@code
     *     null} for none
     * @return this builder
     */
    public B trace(FrameTrace hook) {
        this.trace = hook;
        return self();
    }

    /** The number of selector loops set. */
    int loops() {
        return loops;
    }

    /** Each connection's settings, for an engine with {@code role}'s defaults and the limits set here. */
    ConnectionSettings connectionSettings(EngineConfig role) {
        PerMessageDeflate roleDeflate = role.role() == Role.SERVER ? PerMessageDeflate.serverDefaults()
                : PerMessageDeflate.clientDefaults();
        EngineConfig engine = role
                .withDeflate(deflate != null ? deflate : roleDeflate)
                .withMaxFrameSize(Math.min(maxFrameSize, maxMessageSize))
                .withMaxMessageSize(maxMessageSize)
                .withMaxHandshakeSize(maxHandshakeSize)
                .withTrace(trace);
        return ConnectionSettings.builder(engine)
                .writeWaterMarks(lowWaterMark, highWaterMark)
                .maxQueuedBytes(maxQueuedBytes)
                .handshakeTimeout(handshakeTimeout)
                .idleTimeout(idleTimeout)
                .keepAlive(pingInterval, pongTimeout)
                .closeTimeout(closeTimeout)
                .loopStallThreshold(loopStallThreshold)
                .build();
    }

    /** This builder as its own type: true, since each permitted subclass passes itself as {@code B}. */
    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
