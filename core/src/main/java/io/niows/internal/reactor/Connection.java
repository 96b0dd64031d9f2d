package io.niows.internal.reactor;

import io.niows.internal.frame.CloseCodes;
import io.niows.internal.frame.FrameEncoder;
import io.niows.internal.jfr.ConnectionClosed;
import io.niows.internal.jfr.ConnectionOpened;
import io.niows.internal.jfr.HandshakeRefused;
import io.niows.internal.jfr.ProtocolFailure;
import io.niows.internal.jfr.SlowConsumerEvicted;
import io.niows.protocol.ConnectionState;
import io.niows.protocol.EngineListener;
import io.niows.protocol.FrameSink;
import io.niows.protocol.HandshakeRequest;
import io.niows.protocol.Outbound;
import io.niows.protocol.SendResult;
import io.niows.protocol.WebSocketEngine;
import io.niows.protocol.WebSocketProtocolException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;

/**
 * One TCP connection, server or client: the I/O around its protocol engine (reading into the
 * loop's buffer and handing the bytes to the engine, flushing the write queue, interest ops,
 * deadlines), and the {@link Link} the application's handle delegates to. Every RFC rule, the opening
 * handshake's included, is the engine's; every send passes the engine's {@link Outbound} front,
 * for which this connection is the {@link Outbound.Port}: it counts the bytes and hands the frame
 * to the loop. What happens is told to the layer above through {@link ConnectionEvents}; the
 * reactor knows no application type.
 *
 * <p>Thread-safety: the {@link Link} methods may be called from any thread; a call from a
 * foreign thread is handed to the loop as a task. Each field says who may touch it; the ones
 * marked "any thread" are volatile or guarded, every other one is the loop thread's alone. An
 * idle open connection keeps no read or write buffer: only the bytes of an unfinished frame header
 * and the engine's unfinished message.
 */
abstract class Connection implements Link, EngineListener, FrameSink, WriteQueue.Completion, TlsStage.Receiver {

    private static final System.Logger LOG = System.getLogger("io.niows");
    /** Frames a server's messages: unmasked (RFC 6455 §5.1), so no masking key is ever drawn. */
    private static final FrameEncoder SERVER_FRAMES = new FrameEncoder(false, () -> 0);
    private static final VarHandle QUEUED;

    static {
        try {
            QUEUED = MethodHandles.lookup().findVarHandle(Connection.class, "queued", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // ---- set at construction, then read from any thread ----
    final SelectorLoop loop;
    final SocketChannel channel;
    final ConnectionSettings config;
    final InetSocketAddress remote;
    /** Set once by the subclass's constructor, before the connection is published. */
    WebSocketEngine engine;
    /** The owner's counts on this connection's loop; written on the loop thread only. */
    final LoopCounters stats;

    // ---- loop thread only ----
    SelectionKey key;
    /** The TLS stage between the socket and the engine, or null for a plain connection; set before registering. */
    TlsStage tls;
    /** Until the first byte arrives on a port serving plain and TLS: whether it starts TLS is still open. */
    boolean detectTls;
    /** Who hears of this connection: set before it opens (by the client at construction, by the server's upgrade). */
    ConnectionEvents events;
    private boolean opened;
    /** Closing began (close sent or received, failure, refusal): the close deadline runs. */
    private boolean closing;
    private byte[] leftover;
    /** Frames not written yet; null while none are (the empty queue goes back to the loop). */
    private WriteQueue out;
    /** The latest automatic pong, held while the socket takes nothing and pongs are queued (RFC 6455 §5.5.3). */
    private ByteBuffer pendingPong;
    /** Automatic pongs in {@link #out}, unwritten. */
    private int pongsQueued;
    private boolean flushScheduled;
    /** Inside {@link #onReadable}, which writes what its reading queued when it ends. */
    private boolean reading;
    private boolean writeInterest;
    /** No read interest while the output is backed up: the peer must read before it may send more. */
    private boolean readPaused;
    /**
     * The application paused reading ({@link #pauseReading()}): no read interest, the engine
     * decodes nothing more, and the unread rest of the last read waits in {@link #leftover}.
     */
    private boolean userPaused;
    private boolean closeAfterFlush;
    private boolean outputShut;
    private long deadline;
    private long lastReadNanos;
    private long pingSentNanos;
    /** When the ping whose pong measures the round trip went out; 0 when none is awaited. */
    private long rttPingNanos;
    private long openedNanos;
    /** The incoming buffer bytes reported to the memory budget; loop thread only. */
    private long incomingHeld;

    private boolean closeReceived;
    boolean droppedHere;
    /** Neighbours in the loop's list of connections (see {@link SelectorLoop#add}). */
    Connection loopPrev;
    Connection loopNext;

    // ---- any thread ----
    @SuppressWarnings("unused") // accessed through QUEUED
    private volatile long queued;
    private volatile boolean closed;
    /** A sender was told QUEUED_ABOVE_HIGH_WATER and waits for onWritable; set before the hand-off. */
    private volatile boolean wantWritable;

    /**
     * Test seam, always {@code null} in production: run by {@link #submit} on the sending thread
     * right after the frame is handed to the loop, so a test can let the loop drain the queue at
     * exactly that point, where a wake-up flag set too late would be lost.
     */
    static volatile Consumer<Connection> afterHandOff;

    Connection(SelectorLoop loop, SocketChannel channel, ConnectionSettings settings, InetSocketAddress remote) {
        this.loop = loop;
        this.channel = channel;
        this.config = settings;
        this.remote = remote;
        this.stats = settings.metrics().on(loop);
        this.deadline = System.nanoTime() + config.handshakeTimeoutNanos();
    }

    // ---- reading -------------------------------------------------------------------------

    /**
     * Reads what the socket has, lets the engine handle it, and then writes the answers at once,
     * with one write, while the connection is still in the cache; answers to other connections'
     * reads (a broadcast) still wait for the end of the loop's iteration, so that each member gets
     * them in one write.
     */
    void onReadable() {
        reading = true;
        try {
            readAvailable();
        } catch (Throwable t) {
            reading = false;
            queueReplies();
            if (flushScheduled) {
                loop.scheduleFlush(this);
            }
            throw t;
        }
        reading = false;
        if (flushScheduled || loop.holdsRepliesOf(this)) {
            flush();
        }
    }

    private void readAvailable() {
        if (detectTls && !detectTransport()) {
            return;
        }
        ByteBuffer buf = loop.readBuffer();
        for (int round = 0; round < 16 && !closed && !readPaused && !userPaused; round++) {
            buf.clear();
            if (leftover != null) {
                buf.put(leftover);
                leftover = null;
            }
            int n;
            try {
                n = tls == null ? channel.read(buf) : tls.read(buf);
            } catch (IOException e) {
                onIoError(e);
                return;
            }
            if (n < 0) {
                finish();
                return;
            }
            lastReadNanos = loop.now();
            pingSentNanos = 0;
            stats.bytesIn += n;
            boolean drained = tls == null ? buf.position() < buf.capacity() : tls.drained();
            buf.flip();
            consume(buf);
            if (tls != null && tls.hasPending()) {
                scheduleFlush();
            }
            if (buf.hasRemaining() && !closed) {
                leftover = new byte[buf.remaining()];
                buf.get(leftover);
            }
            if (outputBackedUp()) {
                setInterest(writeInterest, true);
                return;
            }
            if (drained) {
                return;
            }
        }
    }

    /** The engine of a TLS connection {@link #detectTransport()} finds; only a server's connection finds one. */
    SSLEngine tlsEngine() {
        throw new IllegalStateException("only a server's connection detects TLS");
    }

    /**
     * Reads the first byte of a connection on a port serving plain and TLS: a TLS handshake record
     * starts a TLS stage, which gets the byte; anything else is plain, and the byte stays for the
     * engine. {@return whether reading goes on}
     */
    private boolean detectTransport() {
        ByteBuffer first = ByteBuffer.allocate(1);
        try {
            int n = channel.read(first);
            if (n < 0) {
                finish();
                return false;
            }
            if (n == 0) {
                return false;
            }
            stats.bytesIn += n;
            detectTls = false;
            if (first.get(0) == TlsStage.HANDSHAKE_RECORD) {
                tls = TlsStage.server(tlsEngine(), channel, loop, this);
                tls.prime(first.array());
            } else {
                leftover = first.array();
            }
            return true;
        } catch (IOException e) {
            onIoError(e);
            return false;
        }
    }

    /** Plaintext the TLS stage unwrapped, handed to the engine before the loop's buffer fills. */
    @Override
    public boolean plaintext(ByteBuffer app) {
        app.flip();
        consume(app);
        app.compact();
        return !closed;
    }

    /** The TLS handshake is over: what the engine queued meanwhile (a client's request) goes out. */
    @Override
    public void tlsReady() {
        scheduleFlush();
    }

    private void consume(ByteBuffer buf) {
        if (outputShut) {
            buf.position(buf.limit());
            return;
        }
        long frames = engine.framesReceived();
        try {
            receive(buf);
        } catch (Throwable handlerError) {
            buf.position(buf.limit());
            handlerFailed(handlerError);
        }
        stats.framesIn += engine.framesReceived() - frames;
        accountIncoming();
        afterEngine();
    }

    /** Hands read bytes to the engine; a client behind a proxy reads the proxy's answer first. */
    void receive(ByteBuffer buf) {
        engine.receive(buf);
    }

    /** The TCP connection is ready (client side); a server connection never connects. */
    void onConnectable() {
        throw new IllegalStateException("a server connection is never connecting");
    }

    /** The handshake took too long. */
    void onHandshakeTimeout() {
        droppedHere = true;
        finish();
    }

    /** Told once, when the TCP connection is closed, before the application hears of it. */
    void onFinished() {
    }

    /** The engine completed the opening handshake: the application gets the connection. */
    @Override
    public void onOpen() {
        opened = true;
        deadline = 0;
        openedNanos = System.nanoTime();
        stats.opened++;
        ConnectionOpened event = new ConnectionOpened();
        if (event.isEnabled()) {
            event.remote = String.valueOf(remote);
            event.path = engine.request() == null ? "" : engine.request().path();
            event.commit();
        }
        try {
            events.onOpen();
        } catch (Throwable e) {
            handlerFailed(e);
        }
    }

    /**
     * Tells the server's memory budget how much the unfinished incoming message holds now; one
     * that grew while the server is over its budget is refused with 1013 (Try Again Later).
     */
    private void accountIncoming() {
        long held = engine.heldBytes();
        if (held == incomingHeld) {
            return;
        }
        MemoryBudget budget = loop.budget();
        budget.addIncoming(held - incomingHeld);
        boolean grew = held > incomingHeld;
        incomingHeld = held;
        if (grew && budget.exceeded() && engine.state() == ConnectionState.OPEN) {
            LOG.log(Level.DEBUG, "over the server's memory budget: refusing a message on " + this);
            engine.fail(CloseCodes.TRY_AGAIN_LATER, "server busy: memory budget exceeded");
            accountIncoming();
        }
    }

    /**
     * Bytes this connection holds: its write queue, its unfinished incoming message and what its
     * TLS stage keeps (an unfinished record, records the socket has not taken); loop thread only.
     */
    long bytesHeld() {
        return queuedBytes() + incomingHeld + (tls == null ? 0 : tls.heldBytes());
    }

    /** Starts the close deadline once the engine is past OPEN, and closes once the engine says so. */
    void afterEngine() {
        ConnectionState state = engine.state();
        if (!closing && (state == ConnectionState.CLOSING || state == ConnectionState.CLOSED)) {
            closing = true;
            deadline = System.nanoTime() + config.closeTimeoutNanos();
        }
        if (engine.transportShouldClose() && !closeAfterFlush) {
            closeAfterFlush = true;
            scheduleFlush();
        }
    }

    // ---- events from the engine, handed up (a handler's exception is caught around receive) ----

    @Override
    public void onText(String text) {
        stats.messagesIn++;
        events.onText(text);
    }

    @Override
    public void onBinary(ByteBuffer data) {
        stats.messagesIn++;
        events.onBinary(data);
    }

    @Override
    public boolean streamsMessages() {
        return events.streamsMessages();
    }

    @Override
    public long maxStreamedMessageSize() {
        return events.maxStreamedMessageSize();
    }

    @Override
    public void onTextChunk(CharSequence chunk, boolean last) {
        if (last) {
            stats.messagesIn++;
        }
        events.onTextChunk(chunk, last);
    }

    @Override
    public void onBinaryChunk(ByteBuffer chunk, boolean last) {
        if (last) {
            stats.messagesIn++;
        }
        events.onBinaryChunk(chunk, last);
    }

    @Override
    public void onPing(ByteBuffer payload) {
        events.onPing(payload);
    }

    @Override
    public void onPong(ByteBuffer payload) {
        if (rttPingNanos != 0) {
            stats.recordRtt(System.nanoTime() - rttPingNanos);
            rttPingNanos = 0;
        }
        events.onPong(payload);
    }

    @Override
    public void onCloseReceived(int code, String reason) {
        closeReceived = true;
        config.metrics().countCloseReceived(code);
    }

    /** The engine has failed the connection with the violation's code; {@code onClose} follows. */
    @Override
    public void onProtocolViolation(WebSocketProtocolException violation) {
        LOG.log(Level.DEBUG, "protocol violation by " + this + ": " + violation.getMessage());
        config.metrics().countProtocolFailure(violation.closeCode());
        ProtocolFailure event = new ProtocolFailure();
        if (event.isEnabled()) {
            event.remote = String.valueOf(remote);
            event.code = violation.closeCode();
            event.reason = violation.getMessage();
            event.commit();
        }
        try {
            events.onError(violation);
        } catch (Throwable e) {
            LOG.log(Level.WARNING, "onError failed on " + this, e);
        }
    }

    /** A handler threw ({@link Error}s included): this connection gets 1011, the loop goes on. */
    private void handlerFailed(Throwable e) {
        LOG.log(Level.WARNING, "handler failed on " + this + "; closing with 1011", e);
        if (opened) {
            try {
                events.onError(e);
            } catch (Throwable again) {
                LOG.log(Level.WARNING, "onError failed too on " + this, again);
            }
        }
        if (engine.state() == ConnectionState.OPEN) {
            engine.fail(CloseCodes.INTERNAL_ERROR, "");
        }
        afterEngine();
    }

    // ---- writing -----------------------------------------------------------------------------

    /** Frames the engine writes itself (ping, close) are control frames: allowed while closing. */
    @Override
    public void write(ByteBuffer frame) {
        queuePendingPong();
        enqueueControl(frame);
    }

    /**
     * An automatic pong: queued at once, one per ping, while the socket takes what is written
     * (a peer that pings ten times gets ten pongs). Once the socket takes nothing more and a pong
     * is still queued, the newest pong waits for the queued ones' last byte instead, replacing
     * any that was waiting: a peer that pings without reading costs at most one read's worth of
     * pongs, however many pings it sends.
     */
    @Override
    public void writePong(ByteBuffer frame) {
        QUEUED.getAndAdd(this, (long) frame.remaining() - (pendingPong == null ? 0 : pendingPong.remaining()));
        pendingPong = frame;
        if (pongsQueued == 0 || !writeInterest) {
            queuePendingPong();
        }
    }

    /** Moves the waiting pong into the write queue; past the queued-bytes limit, closes with 1008 instead. */
    private void queuePendingPong() {
        ByteBuffer pong = pendingPong;
        if (pong == null) {
            return;
        }
        pendingPong = null;
        if (queuedBytes() > config.maxQueuedBytes()) {
            QUEUED.getAndAdd(this, (long) -pong.remaining());
            LOG.log(Level.DEBUG, "send queue limit exceeded by pongs on " + this + ": closing with 1008");
            slowConsumer(queuedBytes());
            loop.execute(() -> doClose(CloseCodes.POLICY_VIOLATION, "send queue limit exceeded"));
            return;
        }
        pongsQueued++;
        enqueue(pong, PONG, false);
    }

    /** The context of an automatic pong in the write queue, told apart from the application's. */
    private static final Object PONG = new Object();

    @Override
    public void sent(Object context, Throwable failure) {
        if (context instanceof ByteBuffer) {
            config.arrays().giveBack((ByteBuffer) context);
            return;
        }
        if (context == PONG) {
            if (--pongsQueued == 0 && pendingPong != null && !closed) {
                queuePendingPong();
            }
            return;
        }
        try {
            events.onSent(context, failure);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "send callback threw on " + this, e);
        }
    }

    void enqueueControl(ByteBuffer bytes) {
        QUEUED.getAndAdd(this, (long) bytes.remaining());
        enqueue(bytes, null, false);
    }

    /** Queues bytes already counted in {@code queued}; a data frame is dropped once a close was sent. */
    private void enqueue(ByteBuffer frame, Object callback, boolean data) {
        enqueue(frame, null, callback, data);
    }

    /**
     * Queues a frame, in one buffer or as a header followed by its {@code payload} (null for
     * one buffer), already counted in {@code queued}.
     */
    private void enqueue(ByteBuffer frame, ByteBuffer payload, Object callback, boolean data) {
        long n = frame.remaining() + (payload == null ? 0 : payload.remaining());
        if (closed || data && engine.state() != ConnectionState.OPEN) {
            QUEUED.getAndAdd(this, -n);
            if (callback != null) {
                sent(callback, new ClosedChannelException());
            }
            return;
        }
        queueReplies(); // they came first, and the socket may not take them all
        if (out == null) {
            out = loop.takeWriteQueue();
        }
        out.add(frame, payload == null ? callback : null);
        if (payload != null) {
            out.add(payload, payload); // handed over: its array may carry later messages once written
            if (callback != null) {
                out.addCallback(callback);
            }
        }
        countQueued(n);
        if (opened) { // not the handshake's head
            stats.framesOut++;
            if (data && frame.get(frame.position()) < 0) { // FIN: the message's last frame
                stats.messagesOut++;
            }
        }
        scheduleFlush();
    }

    private void scheduleFlush() {
        if (!flushScheduled && !writeInterest) {
            flushScheduled = true;
            if (!reading) {
                loop.scheduleFlush(this);
            }
        }
    }

    /**
     * Takes a frame the engine's outbound front admitted, on any thread, under the front's lock:
     * counts it and hands it to the loop; past the queued-bytes limit, closes with 1008 instead.
     *
     * <p>Above the high-water mark, {@code wantWritable} is set before the frame is handed to the
     * loop: the loop may write the whole queue before this method returns, and a flag set after
     * that would never be seen, leaving a sender that waits for {@code onWritable} stalled.
     */
    @Override
    public SendResult submit(ByteBuffer frame, Object callback) {
        return handOff(frame, null, callback);
    }

    /** Takes a header and the payload that follows it, queued as they are: see {@link #submit(ByteBuffer, Object)}. */
    @Override
    public SendResult submit(ByteBuffer header, ByteBuffer payload, Object callback) {
        return handOff(header, payload, callback);
    }

    /**
     * Frames a whole message of a server's. One that a handler of this connection sends while the
     * connection's read is handled, with nothing queued before it, is framed straight into the
     * loop's staging buffer, from which the end of the read writes it with the read's other
     * answers: no frame buffer, no queue slot, one copy of the payload. Any other is framed into a
     * buffer of its own and handed off as {@link #submit(ByteBuffer, Object)} does.
     */
    @Override
    public SendResult submitWhole(int opcode, ByteBuffer payload, Object callback) {
        long n = SERVER_FRAMES.frameLength(payload.remaining());
        ByteBuffer room = callback == null && loop.inLoop() && reading && tls == null && (out == null || out.isEmpty())
                && !loop.hasPendingTasks() ? loop.replyRoom(this, n) : null;
        if (room == null) {
            return handOff(SERVER_FRAMES.encode(opcode, true, payload), null, callback);
        }
        SendResult admitted = admit(n);
        if (admitted.accepted() && (closed || engine.state() != ConnectionState.OPEN)) {
            QUEUED.getAndAdd(this, -n); // dropped, as enqueue drops a data frame once closing
        } else if (admitted.accepted()) {
            SERVER_FRAMES.encode(opcode, true, payload, room);
            countQueued(n);
            stats.framesOut++;
            stats.messagesOut++;
            scheduleFlush();
        }
        afterHandOff();
        return admitted;
    }

    private SendResult handOff(ByteBuffer frame, ByteBuffer payload, Object callback) {
        SendResult admitted = admit(frame.remaining() + (payload == null ? 0 : payload.remaining()));
        if (!admitted.accepted()) {
            return admitted;
        }
        if (loop.inLoop() && !loop.hasPendingTasks()) {
            enqueue(frame, payload, callback, true);
        } else {
            loop.execute(() -> enqueue(frame, payload, callback, true));
        }
        afterHandOff();
        return admitted;
    }

    /** Counts {@code n} more bytes queued; past the queued-bytes limit, closes with 1008 and refuses them instead. */
    private SendResult admit(long n) {
        long before = (long) QUEUED.getAndAdd(this, n);
        if (before > config.maxQueuedBytes()) {
            QUEUED.getAndAdd(this, -n);
            LOG.log(Level.DEBUG, "send queue limit exceeded on " + this);
            slowConsumer(before);
            close(CloseCodes.POLICY_VIOLATION, "send queue limit exceeded");
            return SendResult.REFUSED_CLOSED;
        }
        boolean aboveHighWater = before + n > config.highWaterMark();
        if (aboveHighWater) {
            wantWritable = true;
        }
        return aboveHighWater ? SendResult.QUEUED_ABOVE_HIGH_WATER : SendResult.QUEUED;
    }

    private void afterHandOff() {
        Consumer<Connection> probe = afterHandOff;
        if (probe != null) {
            probe.accept(this);
        }
    }

    /**
     * Writes the answers this connection's read framed in the loop's staging buffer; what the
     * socket does not take goes into the write queue. {@return whether the connection is still up}
     */
    private boolean writeReplies() {
        ByteBuffer replies = loop.takeReplies();
        long w;
        try {
            w = channel.write(replies);
        } catch (IOException e) {
            countQueued(-replies.remaining());
            onIoError(e);
            return false;
        }
        QUEUED.getAndAdd(this, -w);
        countQueued(-w);
        stats.bytesOut += w;
        if (replies.hasRemaining()) {
            queueCopy(replies);
        }
        return true;
    }

    /** Moves the answers framed in the loop's staging buffer into the write queue, ahead of what follows them. */
    private void queueReplies() {
        if (loop.holdsRepliesOf(this)) {
            queueCopy(loop.takeReplies());
        }
    }

    /** Queues a copy of {@code bytes}, already counted as queued, at the tail of an empty write queue. */
    private void queueCopy(ByteBuffer bytes) {
        if (out == null) {
            out = loop.takeWriteQueue();
        }
        out.add(ByteBuffer.allocate(bytes.remaining()).put(bytes).flip(), null);
    }

    void flush() {
        flushScheduled = false;
        if (closed) {
            return;
        }
        if (tls != null && !flushTls()) {
            return;
        }
        if (loop.holdsRepliesOf(this) && !writeReplies()) {
            return;
        }
        while (out != null && !out.isEmpty()) {
            try {
                long w = out.writeTo(sink(), loop.writeStaging(), tls == null, this);
                QUEUED.getAndAdd(this, -w);
                countQueued(-w);
                stats.bytesOut += w;
            } catch (IOException e) {
                onIoError(e);
                return;
            }
            if (!out.isEmpty()) {
                setInterest(true, outputBackedUp() || readPaused && queuedBytes() > config.lowWaterMark());
                return;
            }
            // a pong that waited for the one just written is queued now: write it too
        }
        if (out != null) {
            loop.giveBack(out);
            out = null;
        }
        if (tls != null && tls.hasPending()) {
            setInterest(true, outputBackedUp() || readPaused && queuedBytes() > config.lowWaterMark());
            return;
        }
        setInterest(false, readPaused && queuedBytes() > config.lowWaterMark());
        if (wantWritable && queuedBytes() <= config.lowWaterMark() && opened && engine.outbound().isOpen()) {
            wantWritable = false;
            try {
                events.onWritable();
            } catch (Throwable e) {
                handlerFailed(e);
            }
        }
        if (closeAfterFlush && !outputShut) {
            shutOutput();
        }
    }

    /** Where the write queue writes: the socket, or the TLS stage that wraps for it. */
    private WritableByteChannel sink() {
        return tls == null ? channel : tls;
    }

    /**
     * Writes the TLS records the socket has not taken yet; {@return whether the write queue may
     * follow} It may not while records are still pending (write interest waits for the socket) or
     * while the TLS handshake runs (its end schedules a flush).
     */
    private boolean flushTls() {
        boolean clear;
        try {
            clear = tls.flushPending();
        } catch (IOException e) {
            onIoError(e);
            return false;
        }
        if (!clear) {
            setInterest(true, readPaused);
            return false;
        }
        if (tls.handshaking()) {
            setInterest(false, readPaused);
            return false;
        }
        return true;
    }

    /**
     * Whether more is queued than the high-water mark: then reading stops until the queue falls
     * to the low-water mark, so a peer that sends without reading (echoes, pings) is held back by
     * TCP instead of growing this queue.
     */
    private boolean outputBackedUp() {
        return queuedBytes() > config.highWaterMark();
    }

    private void setInterest(boolean write, boolean pauseRead) {
        if ((writeInterest != write || readPaused != pauseRead) && key.isValid()) {
            writeInterest = write;
            readPaused = pauseRead;
            applyInterest();
        }
    }

    /** Read interest unless the output is backed up or the application paused reading; write interest as set. */
    private void applyInterest() {
        if (key != null && key.isValid()) {
            boolean read = !readPaused && !userPaused;
            key.interestOps((read ? SelectionKey.OP_READ : 0) | (writeInterest ? SelectionKey.OP_WRITE : 0));
        }
    }

    /**
     * Sends FIN. After a complete close handshake the peer sends nothing more, so the socket
     * closes at once; otherwise (a failed connection, an HTTP answer) the peer may still be
     * sending, and closing now would answer its bytes with a reset that can destroy our last
     * bytes in its receive buffer: wait for its FIN instead, up to the close timeout.
     */
    private void shutOutput() {
        try {
            if (tls != null && !tls.closeOutbound()) {
                setInterest(true, readPaused); // close_notify goes first; the next flush comes back here
                return;
            }
        } catch (IOException e) {
            finish();
            return;
        }
        outputShut = true;
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            finish();
            return;
        }
        if (closeReceived) {
            finish();
        } else {
            deadline = System.nanoTime() + config.closeTimeoutNanos();
        }
    }

    // ---- timers and endings ------------------------------------------------------------------

    void onTick(long now) {
        if (closed) {
            return;
        }
        if (deadline != 0 && now - deadline > 0) {
            boolean handshake = engine.state() == ConnectionState.CONNECTING;
            LOG.log(Level.DEBUG, (handshake ? "handshake" : "close") + " timeout on " + this);
            if (handshake) {
                onHandshakeTimeout();
            } else {
                droppedHere = true;
                finish();
            }
            return;
        }
        if (engine.state() != ConnectionState.OPEN || userPaused) {
            return; // a paused connection reads nothing: the peer's silence is not measured
        }
        long silent = now - (lastReadNanos == 0 ? now : lastReadNanos);
        if (config.idleTimeoutNanos() > 0 && silent > config.idleTimeoutNanos()) {
            LOG.log(Level.DEBUG, "idle timeout on " + this + ": closing with 1001");
            doClose(CloseCodes.GOING_AWAY, "idle timeout");
        } else if (config.pingIntervalNanos() > 0 && pingSentNanos == 0 && silent > config.pingIntervalNanos()) {
            pingSentNanos = now;
            rttPingNanos = now;
            engine.sendPing(ByteBuffer.allocate(0));
        } else if (pingSentNanos != 0 && now - pingSentNanos > config.pongTimeoutNanos()) {
            LOG.log(Level.DEBUG, "no answer to a keep-alive ping on " + this);
            droppedHere = true;
            finish();
        } else if (silent >= config.timerTickNanos()) {
            engine.releaseIdleDecoder(); // quiet for a tick: an idle connection keeps no decoder
        }
    }

    /** Starts the close handshake on the loop thread. */
    private void doClose(int code, String reason) {
        if (closed || engine.state() != ConnectionState.OPEN) {
            return;
        }
        engine.close(code, reason);
        resumeNow(); // after a close frame only the peer's close is read: nothing more is delivered
        deadline = System.nanoTime() + config.closeTimeoutNanos();
        afterEngine();
        scheduleFlush();
    }

    /**
     * Its loop is failing, its work threw, or the server is over its memory budget: a close frame
     * with {@code code} unless one was sent, written now if the socket takes it; the caller then
     * drops the connection.
     */
    void failNow(int code) {
        if (closed || engine.state() == ConnectionState.CLOSED) {
            return;
        }
        engine.fail(code, "");
        queueReplies();
        if (out != null) {
            try {
                long w = out.writeTo(sink(), loop.writeStaging(), tls == null, this);
                QUEUED.getAndAdd(this, -w);
                countQueued(-w);
                stats.bytesOut += w;
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "could not send 1011 to " + this + ": " + e);
            }
        }
    }

    /** Shutdown: 1001 to an open connection, a plain drop for one that never opened (in its handshake, or refused). */
    void goAway() {
        if (!opened) {
            finish();
        } else {
            doClose(CloseCodes.GOING_AWAY, "going away");
        }
    }

    /** Told of an I/O or TLS error before the connection ends, whether it opened or not. */
    void onTransportError(IOException e) {
    }

    private void onIoError(IOException e) {
        LOG.log(Level.DEBUG, "I/O error on " + this + ": " + e);
        onTransportError(e);
        if (opened) {
            try {
                events.onError(e);
            } catch (Throwable again) {
                LOG.log(Level.WARNING, "onError failed on " + this, again);
            }
        }
        finish();
    }

    /** Closes the TCP connection and tells the application, once. */
    void finish() {
        if (closed) {
            return;
        }
        closed = true;
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.TRACE, "closing channel", e);
        }
        loop.remove(this);
        if (loop.holdsRepliesOf(this)) {
            countQueued(-loop.takeReplies().remaining());
        }
        if (out != null) {
            countQueued(-out.size());
            out.discard(this, new ClosedChannelException());
        }
        if (incomingHeld != 0) {
            loop.budget().addIncoming(-incomingHeld);
            incomingHeld = 0;
        }
        pendingPong = null;
        QUEUED.set(this, 0L);
        onFinished();
        engine.transportClosed();
        if (opened) {
            countClosed();
            notifyClosed();
        }
    }

    /** Counts an opened connection's end, its close frame sent if any, and reports it to JFR. */
    private void countClosed() {
        stats.closed++;
        if (engine.sentCloseCode() != 0) {
            config.metrics().countCloseSent(engine.sentCloseCode());
        }
        ConnectionClosed event = new ConnectionClosed();
        if (event.isEnabled()) {
            event.remote = String.valueOf(remote);
            event.code = engine.closeCode();
            event.byPeer = engine.closedByPeer() || engine.closeCode() == CloseCodes.ABNORMAL_CLOSURE && !droppedHere;
            event.openFor = System.nanoTime() - openedNanos;
            event.commit();
        }
    }

    /**
     * An opening handshake answered with an error status (400 and above) instead of 101: counted by
     * status and reported to JFR ({@code io.niows.HandshakeRefused}); loop thread.
     */
    void countRefused(int status, String reason) {
        if (status < 400) {
            return;
        }
        config.metrics().countRefused(status);
        HandshakeRefused event = new HandshakeRefused();
        if (event.isEnabled()) {
            event.remote = String.valueOf(remote);
            event.status = status;
            event.reason = reason;
            event.commit();
        }
    }

    /** Bytes entered into or left this connection's write queue: the loop's and the owner's counts; loop thread. */
    private void countQueued(long delta) {
        loop.countQueued(delta);
        stats.queued += delta;
    }

    /** A peer that does not read is closed for it: JFR {@code io.niows.SlowConsumerEvicted}; any thread. */
    private void slowConsumer(long queuedNow) {
        SlowConsumerEvicted event = new SlowConsumerEvicted();
        if (event.isEnabled()) {
            event.remote = String.valueOf(remote);
            event.queued = queuedNow;
            event.commit();
        }
    }

    private void notifyClosed() {
        try {
            int code = engine.closeCode();
            boolean remote = engine.closedByPeer() || code == CloseCodes.ABNORMAL_CLOSURE && !droppedHere;
            events.onClose(code, engine.closeReason(), remote);
        } catch (Throwable e) {
            LOG.log(Level.WARNING, "onClose failed on " + this, e);
        }
    }

    // ---- the link the application's handle delegates to ----------------------------------------

    @Override
    public Outbound outbound() {
        return engine.outbound();
    }

    /** A ping is a control frame: it may go out while closing, and does not count against the queue limit. */
    @Override
    public SendResult ping(ByteBuffer payload) {
        return engine.outbound().ping(payload, null, (frame, unused) -> {
            runOnLoop(() -> {
                if (!closed) {
                    rttPingNanos = System.nanoTime();
                    write(frame);
                }
            });
            return SendResult.QUEUED;
        });
    }

    @Override
    public void close(int code, String reason) {
        if (engine.outbound().requestClose(code, reason)) {
            loop.execute(() -> doClose(code, reason));
        }
    }

    @Override
    public void abort() {
        runOnLoop(() -> {
            droppedHere = true;
            finish();
        });
    }

    @Override
    public void pauseReading() {
        runOnLoop(() -> {
            if (!closed && !userPaused) {
                userPaused = true;
                engine.pauseInput();
                applyInterest();
            }
        });
    }

    @Override
    public void resumeReading() {
        runOnLoop(this::resumeNow);
    }

    /**
     * Reads again; the keep-alive and idle timeouts count the peer's silence from now. What was
     * read before the pause and left unconsumed (and, with TLS, what the stage decrypted already)
     * is decoded by a task, never inside the handler call that resumed: the socket may have
     * nothing new to wake the loop with.
     */
    private void resumeNow() {
        if (closed || !userPaused) {
            return;
        }
        userPaused = false;
        engine.resumeInput();
        lastReadNanos = System.nanoTime();
        pingSentNanos = 0;
        applyInterest();
        loop.execute(this::onReadable);
    }

    private void runOnLoop(Runnable task) {
        if (loop.inLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    @Override
    public void countBroadcastOverflow(boolean evicted, long queuedBytes) {
        if (evicted) {
            LOG.log(Level.DEBUG, "a broadcaster evicts " + this + ", which has " + queuedBytes + " bytes queued");
            config.metrics().countEviction();
            slowConsumer(queuedBytes);
        } else {
            config.metrics().countSkip();
        }
    }

    @Override
    public long queuedBytes() {
        return (long) QUEUED.getVolatile(this);
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public HandshakeRequest request() {
        return engine.request();
    }

    @Override
    public String subprotocol() {
        return engine.subprotocol();
    }

    @Override
    public String extensions() {
        return engine.extensions();
    }

    @Override
    public String toString() {
        return "WebSocket[" + remote + "]";
    }
}
