package io.niows.internal.reactor;

import io.niows.HttpRequestHead;
import io.niows.SendCallback;
import io.niows.SendResult;
import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.WebSocketHandshakeException;
import io.niows.internal.handshake.HttpError;
import io.niows.internal.handshake.HttpRequest;
import io.niows.internal.handshake.HttpRequestParser;
import io.niows.protocol.CloseCode;
import io.niows.protocol.ConnectionState;
import io.niows.protocol.EngineListener;
import io.niows.protocol.FrameEncoding;
import io.niows.protocol.FrameSink;
import io.niows.protocol.Role;
import io.niows.protocol.WebSocketEngine;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One TCP connection, server or client: its handshake, its protocol engine, its write queue,
 * its deadlines; and the {@link WebSocket} handle the application holds.
 *
 * <p>Thread-safety: the {@link WebSocket} methods may be called from any thread; a call from a
 * foreign thread is handed to the loop as a task. Everything else runs on the loop thread.
 * An idle open connection keeps no read or write buffer: only the bytes of an unfinished frame
 * header and the engine's unfinished message.
 */
final class Connection implements BroadcastMember, EngineListener, FrameSink {

    private static final System.Logger LOG = System.getLogger("io.niows");
    private static final VarHandle QUEUED;

    static {
        try {
            QUEUED = MethodHandles.lookup().findVarHandle(Connection.class, "queued", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final SelectorLoop loop;
    private final SocketChannel channel;
    private final ConnectionSettings config;
    private final ServerConfig server;
    private final Role role;
    private final InetSocketAddress remote;
    private SelectionKey key;

    private HttpRequestParser parser;
    private ClientSide client;
    private RequestHead request;
    private WebSocketHandler handler;
    private String subprotocol;
    private WebSocketEngine engine;

    private byte[] leftover;
    private WriteQueue out;
    private boolean flushScheduled;
    private boolean writeInterest;
    private boolean closeAfterFlush;
    private boolean outputShut;
    private long deadline;
    private long lastReadNanos;
    private long pingSentNanos;

    @SuppressWarnings("unused") // accessed through QUEUED
    private volatile long queued;
    private volatile boolean closeRequested;
    private volatile boolean closed;
    private volatile boolean wantWritable;
    private volatile Object attachment;
    private boolean fragmenting;
    private boolean closeReceived;
    private boolean droppedHere;
    private List<Consumer<WebSocket>> closeListeners;

    private Connection(SelectorLoop loop, SocketChannel channel, ConnectionSettings settings, ServerConfig server,
            InetSocketAddress remote) {
        this.loop = loop;
        this.channel = channel;
        this.config = settings;
        this.server = server;
        this.role = settings.engine().role();
        this.remote = remote;
        this.deadline = System.nanoTime() + config.handshakeTimeoutNanos();
    }

    /** Takes over an accepted channel on its loop thread. */
    static void accept(SelectorLoop loop, SocketChannel channel, ServerConfig config, boolean refuse) {
        try {
            if (refuse) {
                channel.close();
                return;
            }
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
            Connection c = new Connection(loop, channel, config.connection(), config, remote);
            c.parser = new HttpRequestParser(config.connection().handshakeLimits());
            c.key = channel.register(loop.selector(), SelectionKey.OP_READ, c);
            loop.add(c);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "could not take an accepted connection", e);
            try {
                channel.close();
            } catch (IOException ignored) {
                LOG.log(Level.TRACE, "closing a refused channel", ignored);
            }
        }
    }

    /**
     * Starts a client connection on its loop thread: opens the TCP connection, then sends the
     * opening handshake once connected.
     */
    static void connect(SelectorLoop loop, InetSocketAddress address, ConnectionSettings settings,
            ClientSide client) {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Connection c = new Connection(loop, channel, settings, null, address);
            c.client = client;
            loop.add(c);
            boolean done = channel.connect(address);
            c.key = channel.register(loop.selector(), done ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, c);
            if (done) {
                c.enqueueControl(client.handshake.request());
            }
        } catch (IOException | RuntimeException e) {
            client.connected.completeExceptionally(e);
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    LOG.log(Level.TRACE, "closing a failed channel", ignored);
                }
            }
        }
    }

    private void readHandshakeAnswer(ByteBuffer buf) {
        String agreed;
        try {
            agreed = client.read(buf);
        } catch (WebSocketHandshakeException e) {
            failConnect(e);
            return;
        }
        if (agreed == null) {
            return;
        }
        ClientSide side = client;
        client = null;
        open(side.handler, agreed.isEmpty() ? null : agreed);
        side.connected.complete(this);
    }

    private void failConnect(IOException why) {
        ClientSide side = client;
        client = null;
        droppedHere = true;
        finish();
        if (side != null) {
            side.connected.completeExceptionally(why);
        }
    }

    // ---- reading -------------------------------------------------------------------------

    void onReadable() {
        ByteBuffer buf = loop.readBuffer();
        for (int round = 0; round < 16 && !closed; round++) {
            buf.clear();
            if (leftover != null) {
                buf.put(leftover);
                leftover = null;
            }
            int n;
            try {
                n = channel.read(buf);
            } catch (IOException e) {
                onIoError(e);
                return;
            }
            if (n < 0) {
                finish();
                return;
            }
            lastReadNanos = System.nanoTime();
            pingSentNanos = 0;
            buf.flip();
            boolean drained = buf.limit() < buf.capacity();
            consume(buf);
            if (buf.hasRemaining() && !closed) {
                leftover = new byte[buf.remaining()];
                buf.get(leftover);
            }
            if (drained) {
                return;
            }
        }
    }

    private void consume(ByteBuffer buf) {
        if (parser != null) {
            readHandshake(buf);
        } else if (client != null) {
            readHandshakeAnswer(buf);
        }
        if (engine != null && !outputShut) {
            engine.receive(buf);
            afterEngine();
        }
        if (engine == null || outputShut) {
            buf.position(buf.limit());
        }
    }

    private void readHandshake(ByteBuffer buf) {
        HttpRequest head;
        try {
            head = parser.parse(buf);
        } catch (HttpError e) {
            parser = null;
            respondAndClose(e.toResponse());
            return;
        }
        if (head == null) {
            return;
        }
        parser = null;
        ServerUpgrade upgrade = ServerUpgrade.decide(head, remote, server);
        if (!upgrade.accepted()) {
            respondAndClose(upgrade.response);
            return;
        }
        enqueueControl(upgrade.response);
        request = upgrade.head;
        open(upgrade.handler, upgrade.subprotocol);
    }

    private void open(WebSocketHandler handler, String subprotocol) {
        this.handler = handler;
        this.subprotocol = subprotocol;
        engine = new WebSocketEngine(config.engine(), this, this);
        deadline = 0;
        try {
            handler.onOpen(this);
        } catch (RuntimeException e) {
            handlerFailed(e);
        }
    }

    private void respondAndClose(ByteBuffer response) {
        closeRequested = true;
        enqueueControl(response);
        closeAfterFlush = true;
        deadline = System.nanoTime() + config.closeTimeoutNanos();
    }

    private void afterEngine() {
        if (engine.state() != ConnectionState.OPEN) {
            closeRequested = true;
            if (deadline == 0) {
                deadline = System.nanoTime() + config.closeTimeoutNanos();
            }
        }
        if (engine.transportShouldClose() && !closeAfterFlush) {
            closeAfterFlush = true;
            scheduleFlush();
        }
    }

    // ---- events from the engine, handed to the application ---------------------------------

    @Override
    public void onText(String text) {
        try {
            handler.onText(this, text);
        } catch (RuntimeException e) {
            handlerFailed(e);
        }
    }

    @Override
    public void onBinary(ByteBuffer data) {
        try {
            handler.onBinary(this, data);
        } catch (RuntimeException e) {
            handlerFailed(e);
        }
    }

    @Override
    public void onPing(ByteBuffer payload) {
        try {
            handler.onPing(this, payload);
        } catch (RuntimeException e) {
            handlerFailed(e);
        }
    }

    @Override
    public void onPong(ByteBuffer payload) {
        try {
            handler.onPong(this, payload);
        } catch (RuntimeException e) {
            handlerFailed(e);
        }
    }

    @Override
    public void onCloseReceived(int code, String reason) {
        closeRequested = true;
        closeReceived = true;
    }

    private void handlerFailed(RuntimeException e) {
        LOG.log(Level.WARNING, "handler failed on " + this + "; closing with 1011", e);
        try {
            handler.onError(this, e);
        } catch (RuntimeException again) {
            LOG.log(Level.WARNING, "onError failed too on " + this, again);
        }
        closeRequested = true;
        if (engine.state() == ConnectionState.OPEN) {
            engine.fail(CloseCode.INTERNAL_ERROR, "");
        }
        afterEngine();
    }

    // ---- writing -----------------------------------------------------------------------------

    /** Frames the engine writes itself (pong, close) are control frames: allowed while closing. */
    @Override
    public void write(ByteBuffer frame) {
        enqueueControl(frame);
    }

    private void enqueueControl(ByteBuffer bytes) {
        QUEUED.getAndAdd(this, (long) bytes.remaining());
        enqueue(bytes, null, false);
    }

    /** Queues bytes already counted in {@code queued}; a data frame is dropped once a close was sent. */
    private void enqueue(ByteBuffer frame, SendCallback callback, boolean data) {
        if (closed || data && engine.state() != ConnectionState.OPEN) {
            QUEUED.getAndAdd(this, (long) -frame.remaining());
            if (callback != null) {
                Callbacks.run(callback, this, new ClosedChannelException());
            }
            return;
        }
        if (out == null) {
            out = new WriteQueue();
        }
        out.add(frame, callback);
        scheduleFlush();
    }

    private void scheduleFlush() {
        if (!flushScheduled && !writeInterest) {
            flushScheduled = true;
            loop.scheduleFlush(this);
        }
    }

    /** Sends an encoded frame from any thread; the caller has checked the state. */
    SendResult submit(ByteBuffer frame, SendCallback callback) {
        long n = frame.remaining();
        long before = (long) QUEUED.getAndAdd(this, n);
        if (before > config.maxQueuedBytes()) {
            QUEUED.getAndAdd(this, -n);
            LOG.log(Level.DEBUG, "send queue limit exceeded on " + this);
            close(CloseCode.POLICY_VIOLATION, "send queue limit exceeded");
            return SendResult.REFUSED_CLOSED;
        }
        if (loop.inLoop()) {
            enqueue(frame, callback, true);
        } else {
            loop.execute(() -> enqueue(frame, callback, true));
        }
        if (before + n > config.highWaterMark()) {
            wantWritable = true;
            return SendResult.QUEUED_ABOVE_HIGH_WATER;
        }
        return SendResult.QUEUED;
    }

    void flush() {
        flushScheduled = false;
        if (closed) {
            return;
        }
        if (out != null && !out.isEmpty()) {
            try {
                long w = out.writeTo(channel, loop.gatherArray(), this);
                QUEUED.getAndAdd(this, -w);
            } catch (IOException e) {
                onIoError(e);
                return;
            }
            if (!out.isEmpty()) {
                setWriteInterest(true);
                return;
            }
        }
        setWriteInterest(false);
        if (wantWritable && queuedBytes() <= config.lowWaterMark() && handler != null && !closeRequested) {
            wantWritable = false;
            try {
                handler.onWritable(this);
            } catch (RuntimeException e) {
                handlerFailed(e);
            }
        }
        if (closeAfterFlush && !outputShut) {
            shutOutput();
        }
    }

    private void setWriteInterest(boolean on) {
        if (writeInterest != on && key.isValid()) {
            writeInterest = on;
            key.interestOps(on ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }
    }

    /**
     * Sends FIN. After a complete close handshake the peer sends nothing more, so the socket
     * closes at once; otherwise (a failed connection, an HTTP answer) the peer may still be
     * sending, and closing now would answer its bytes with a reset that can destroy our last
     * bytes in its receive buffer: wait for its FIN instead, up to the close timeout.
     */
    private void shutOutput() {
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
            LOG.log(Level.DEBUG, (engine == null ? "handshake" : "close") + " timeout on " + this);
            if (client != null) {
                failConnect(new WebSocketHandshakeException(-1, "no handshake answer from " + remote
                        + " within " + config.handshakeTimeoutNanos() / 1_000_000 + " ms", Map.of(), new byte[0]));
                return;
            }
            droppedHere = true;
            finish();
            return;
        }
        if (engine == null || engine.state() != ConnectionState.OPEN) {
            return;
        }
        long silent = now - (lastReadNanos == 0 ? now : lastReadNanos);
        if (config.idleTimeoutNanos() > 0 && silent > config.idleTimeoutNanos()) {
            doClose(CloseCode.GOING_AWAY, "idle timeout");
        } else if (config.pingIntervalNanos() > 0 && pingSentNanos == 0 && silent > config.pingIntervalNanos()) {
            pingSentNanos = now;
            engine.sendPing(ByteBuffer.allocate(0));
        } else if (pingSentNanos != 0 && now - pingSentNanos > config.pongTimeoutNanos()) {
            LOG.log(Level.DEBUG, "no answer to a keep-alive ping on " + this);
            droppedHere = true;
            finish();
        }
    }

    /** Starts the close handshake on the loop thread. */
    private void doClose(int code, String reason) {
        if (closed || engine == null || engine.state() != ConnectionState.OPEN) {
            return;
        }
        closeRequested = true;
        engine.close(code, reason);
        deadline = System.nanoTime() + config.closeTimeoutNanos();
        afterEngine();
        scheduleFlush();
    }

    /** Shutdown: 1001 to an open connection, a plain drop for one still in its handshake. */
    void goAway() {
        if (engine == null) {
            finish();
        } else {
            doClose(CloseCode.GOING_AWAY, "going away");
        }
    }

    private void onIoError(IOException e) {
        LOG.log(Level.DEBUG, "I/O error on " + this + ": " + e);
        if (handler != null) {
            try {
                handler.onError(this, e);
            } catch (RuntimeException again) {
                LOG.log(Level.WARNING, "onError failed on " + this, again);
            }
        }
        finish();
    }

    /** Closes the TCP connection and tells the application, once. */
    private void finish() {
        if (closed) {
            return;
        }
        closed = true;
        closeRequested = true;
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.TRACE, "closing channel", e);
        }
        loop.remove(this);
        if (out != null) {
            out.discard(this, new ClosedChannelException());
        }
        QUEUED.set(this, 0L);
        if (client != null) {
            client.connected.completeExceptionally(new WebSocketHandshakeException(-1,
                    "the connection ended before the handshake was over", Map.of(), new byte[0]));
            client = null;
        }
        if (engine != null) {
            engine.transportClosed();
            notifyClosed();
        }
    }

    private void notifyClosed() {
        try {
            int code = engine.closeCode();
            boolean remote = engine.closedByPeer() || code == CloseCode.ABNORMAL_CLOSURE && !droppedHere;
            handler.onClose(this, code, engine.closeReason(), remote);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "onClose failed on " + this, e);
        }
        List<Consumer<WebSocket>> listeners;
        synchronized (this) {
            listeners = closeListeners;
            closeListeners = null;
        }
        if (listeners != null) {
            for (Consumer<WebSocket> l : listeners) {
                l.accept(this);
            }
        }
    }

    @Override
    public void onClosed(Consumer<WebSocket> listener) {
        synchronized (this) {
            if (!closed) {
                if (closeListeners == null) {
                    closeListeners = new ArrayList<>(2);
                }
                closeListeners.add(listener);
                return;
            }
        }
        listener.accept(this);
    }

    void onConnectable() {
        try {
            if (!channel.finishConnect()) {
                return;
            }
        } catch (IOException e) {
            failConnect(e);
            return;
        }
        key.interestOps(SelectionKey.OP_READ);
        enqueueControl(client.handshake.request());
    }

    // ---- the WebSocket handle ----------------------------------------------------------------

    @Override
    public SendResult sendEncoded(ByteBuffer frame) {
        if (closeRequested) {
            return SendResult.REFUSED_CLOSED;
        }
        return submit(frame, null);
    }

    @Override
    public boolean masksFrames() {
        return role == Role.CLIENT;
    }

    @Override
    public SendResult sendText(CharSequence text, SendCallback callback) {
        if (closeRequested) {
            return SendResult.REFUSED_CLOSED;
        }
        return submit(FrameEncoding.text(text, role), callback);
    }

    @Override
    public SendResult sendBinary(ByteBuffer data, SendCallback callback) {
        if (closeRequested) {
            return SendResult.REFUSED_CLOSED;
        }
        return submit(FrameEncoding.binary(data.duplicate(), role), callback);
    }

    @Override
    public SendResult sendFragment(boolean text, ByteBuffer part, boolean last) {
        if (closeRequested) {
            return SendResult.REFUSED_CLOSED;
        }
        synchronized (this) {
            int opcode = fragmenting ? 0 : text ? 1 : 2;
            fragmenting = !last;
            return submit(FrameEncoding.frame(opcode, last, part.duplicate(), role), null);
        }
    }

    @Override
    public SendResult ping(ByteBuffer payload) {
        if (payload.remaining() > 125) {
            throw new IllegalArgumentException("a ping carries at most 125 bytes, not " + payload.remaining());
        }
        if (closed) {
            return SendResult.REFUSED_CLOSED;
        }
        ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload.duplicate()).flip();
        runOnLoop(() -> {
            if (!closed && engine != null && engine.state() != ConnectionState.CLOSED) {
                engine.sendPing(copy);
            }
        });
        return SendResult.QUEUED;
    }

    @Override
    public void close(int code, String reason) {
        if (!CloseCode.maySend(code)) {
            throw new IllegalArgumentException("close code " + code + " may not be sent (RFC 6455 §7.4)");
        }
        if (reason.getBytes(StandardCharsets.UTF_8).length > 123) {
            throw new IllegalArgumentException("a close reason is at most 123 bytes of UTF-8");
        }
        if (closeRequested) {
            return;
        }
        closeRequested = true;
        loop.execute(() -> doClose(code, reason));
    }

    @Override
    public void abort() {
        runOnLoop(() -> {
            droppedHere = true;
            finish();
        });
    }

    private void runOnLoop(Runnable task) {
        if (loop.inLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    @Override
    public boolean isOpen() {
        return !closeRequested;
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
    public HttpRequestHead request() {
        return request;
    }

    @Override
    public String subprotocol() {
        return subprotocol;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T attachment() {
        return (T) attachment;
    }

    @Override
    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    @Override
    public String toString() {
        return "WebSocket[" + remote + (request == null ? "" : " " + request.path()) + "]";
    }
}
