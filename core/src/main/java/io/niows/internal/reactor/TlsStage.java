package io.niows.internal.reactor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.WritableByteChannel;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * The TLS byte stage of one connection, between its socket and its protocol engine: reads
 * records from the socket and unwraps them into plaintext for the engine; wraps the plaintext the
 * write queue hands it (as a {@link WritableByteChannel}) into records for the socket; drives the
 * TLS handshake in between. It holds no RFC 6455 rule and knows nothing of frames.
 *
 * <p>Memory: records are read into and wrapped in buffers the loop owns ({@link Buffers}), and
 * plaintext is unwrapped into the loop's read buffer; an idle connection keeps only the bytes of
 * an unfinished incoming record, and, while the socket takes nothing more, the wrapped bytes it
 * has not taken yet.
 *
 * <p>Renegotiation: a TLS 1.2 peer that starts a new handshake on an established connection is
 * refused (the connection fails): nothing a WebSocket needs requires it, and it costs the loop
 * the handshake's work each time a peer asks. TLS 1.3's post-handshake messages (session tickets,
 * key updates) are handled by the {@link SSLEngine} as usual.
 *
 * <p>Delegated tasks (certificate checks, key exchange) run on the loop thread, where the
 * handshake's wraps and unwraps run too: see the README's TLS section for what they cost.
 *
 * <p>Not thread-safe: the connection's loop thread only, except {@link #session()}.
 */
final class TlsStage implements WritableByteChannel {

    /** The loop-owned buffers a stage reads records into and wraps records in. */
    interface Buffers {

        /** A buffer for records read from a socket, free for the duration of one read. */
        ByteBuffer tlsIn();

        /** A buffer for records wrapped for a socket, free for the duration of one write. */
        ByteBuffer tlsOut();
    }

    /** Told what the stage unwrapped, and when its handshake is over. */
    interface Receiver {

        /**
         * Plaintext arrived: {@code app} (in write mode, filled from position 0) holds it; the
         * receiver consumes what it can and leaves the rest at the start of {@code app}, still in
         * write mode.
         *
         * @return whether to go on reading (false once the connection ended)
         */
        boolean plaintext(ByteBuffer app);

        /** The TLS handshake is over: application data may now be written. */
        void tlsReady();
    }

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SSLEngine ssl;
    private final ByteChannel channel;
    private final Buffers loop;
    private final Receiver receiver;
    /** The largest record the engine may write, and the most plaintext one record may unwrap to. */
    private final int packetSize;
    private final int appSize;

    /** Bytes of an unfinished incoming record, kept between reads; null when there are none. */
    private byte[] partial;
    /** Wrapped bytes the socket has not taken yet; null when there are none. */
    private ByteBuffer pending;
    private boolean handshaking = true;
    private boolean closing;
    /** Whether the last socket read left room in the buffer: the socket had nothing more. */
    private boolean drained;

    /** The first byte of a TLS handshake record (RFC 8446 §5.1, ContentType handshake). */
    static final byte HANDSHAKE_RECORD = 0x16;

    /** The one application protocol niows speaks over TLS, as ALPN names it (RFC 7301 §6). */
    static final String HTTP_1_1 = "http/1.1";

    /**
     * The parameters every server engine of {@code context} gets, from the application's {@code
     * given}: read once, through an engine of the context, so that later changes to {@code given}
     * change nothing and a protocol or cipher suite the context does not support is refused now,
     * not at each connection. Going through the engine keeps every field, those of JDKs newer
     * than this code's baseline included.
     *
     * @throws IllegalArgumentException if the engine refuses a value, or ALPN names a protocol
     *     other than {@code http/1.1}: a server that agreed on {@code h2} would then answer it in
     *     HTTP/1.1
     */
    static SSLParameters serverParameters(SSLContext context, SSLParameters given) {
        SSLEngine ssl = context.createSSLEngine();
        ssl.setUseClientMode(false);
        ssl.setSSLParameters(given);
        SSLParameters copy = ssl.getSSLParameters();
        for (String protocol : copy.getApplicationProtocols()) {
            if (!HTTP_1_1.equals(protocol)) {
                throw new IllegalArgumentException("ALPN may name only " + HTTP_1_1
                        + ", the one protocol this server speaks, not " + protocol);
            }
        }
        return copy;
    }

    /**
     * An engine for a connection a server accepted: in server mode, with {@code parameters} (as
     * {@link #serverParameters} made them) if there are any, else the context's defaults.
     */
    static SSLEngine serverEngine(SSLContext context, SSLParameters parameters, InetSocketAddress remote) {
        SSLEngine ssl = context.createSSLEngine(remote.getHostString(), remote.getPort());
        ssl.setUseClientMode(false);
        if (parameters != null) {
            ssl.setSSLParameters(parameters);
        }
        return ssl;
    }

    /** A server's stage for an accepted connection, its handshake begun (it waits for the client's hello). */
    static TlsStage server(SSLEngine ssl, ByteChannel channel, Buffers loop, Receiver receiver) throws IOException {
        TlsStage stage = new TlsStage(ssl, channel, loop, receiver);
        stage.begin();
        return stage;
    }

    TlsStage(SSLEngine ssl, ByteChannel channel, Buffers loop, Receiver receiver) {
        this.ssl = ssl;
        this.channel = channel;
        this.loop = loop;
        this.receiver = receiver;
        this.packetSize = ssl.getSession().getPacketBufferSize();
        this.appSize = ssl.getSession().getApplicationBufferSize();
    }

    /** Starts the handshake: a client writes its hello at once. */
    void begin() throws IOException {
        ssl.beginHandshake();
        step();
    }

    /** Bytes already read from the socket (the byte that told TLS from plain): {@link #read} starts with them. */
    void prime(byte[] read) {
        partial = read;
    }

    /**
     * {@return the engine's session: a reference, nothing copied} Once the handshake is over it
     * stays the same for the connection's life (TLS 1.3 key updates keep it; renegotiation is
     * refused). Any thread: the engine guards its session with a lock of its own.
     */
    SSLSession session() {
        return ssl.getSession();
    }

    /** Whether the handshake is still running: application bytes wait until it is over. */
    boolean handshaking() {
        return handshaking;
    }

    /** Whether wrapped bytes wait for the socket to take them. */
    boolean hasPending() {
        return pending != null;
    }

    /** {@return the bytes this stage holds of its own: an unfinished incoming record and unsent records} */
    int heldBytes() {
        return (partial == null ? 0 : partial.length) + (pending == null ? 0 : pending.remaining());
    }

    /** Whether the last {@link #read} found the socket empty before it filled the loop's buffer. */
    boolean drained() {
        return drained;
    }

    /**
     * Reads once from the socket, unwraps every whole record read and hands the plaintext to the
     * receiver; the plaintext of the last records stays in {@code app} (write mode) for the
     * caller to hand on. A peer's TLS error (a byte stream that is not TLS, a record too large,
     * a version refused, a renegotiation) is thrown after the alert is sent where the socket
     * takes it.
     *
     * @param app the loop's read buffer, in write mode, holding unconsumed plaintext from position 0
     * @return the bytes read from the socket, or -1 at its end
     */
    int read(ByteBuffer app) throws IOException {
        ByteBuffer net = loop.tlsIn();
        net.clear();
        if (partial != null) {
            net.put(partial);
            partial = null;
        }
        int n = channel.read(net);
        if (n < 0) {
            return -1;
        }
        drained = net.hasRemaining();
        net.flip();
        try {
            unwrapAll(net, app);
        } catch (SSLException e) {
            sendAlert();
            throw e;
        }
        if (net.hasRemaining()) {
            partial = new byte[net.remaining()];
            net.get(partial);
        }
        return n;
    }

    private void unwrapAll(ByteBuffer net, ByteBuffer app) throws IOException {
        int idle = 0; // unwraps in a row that took nothing: the engine first had to write
        while (net.hasRemaining() && idle < 2) {
            if (app.remaining() < appSize && (!receiver.plaintext(app) || app.remaining() < appSize)) {
                net.position(net.limit());
                return;
            }
            SSLEngineResult r = ssl.unwrap(net, app);
            idle = r.bytesConsumed() == 0 ? idle + 1 : 0;
            switch (r.getStatus()) {
                case OK:
                    step();
                    break;
                case BUFFER_UNDERFLOW:
                    return; // an unfinished record: kept for the next read
                case BUFFER_OVERFLOW:
                    throw new SSLException("a record larger than " + appSize + " bytes of plaintext");
                case CLOSED:
                    step(); // TLS 1.2 answers close_notify with its own
                    net.position(net.limit()); // nothing after close_notify counts
                    return;
                default:
                    throw new SSLException("unexpected unwrap status " + r.getStatus());
            }
        }
    }

    /**
     * Runs the handshake as far as it goes without the peer: delegated tasks, then records to
     * write. Ends the handshake once the engine says it is over.
     */
    private void step() throws IOException {
        while (true) {
            HandshakeStatus status = ssl.getHandshakeStatus();
            if (status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED) {
                if (handshaking) {
                    handshaking = false;
                    receiver.tlsReady();
                }
                return;
            }
            if (!handshaking && !closing && !ssl.isInboundDone() && !"TLSv1.3".equals(ssl.getSession().getProtocol())) {
                throw new SSLException("TLS renegotiation refused");
            }
            switch (status) {
                case NEED_TASK:
                    Runnable task;
                    while ((task = ssl.getDelegatedTask()) != null) {
                        task.run();
                    }
                    break;
                case NEED_WRAP:
                    if (wrap(EMPTY).bytesProduced() == 0 && ssl.isOutboundDone()) {
                        return;
                    }
                    break;
                default:
                    return; // NEED_UNWRAP: the peer must send more
            }
        }
    }

    /** Wraps once from {@code src} into the loop's buffer and sends the record. */
    private SSLEngineResult wrap(ByteBuffer src) throws IOException {
        ByteBuffer net = loop.tlsOut();
        net.clear();
        SSLEngineResult r = ssl.wrap(src, net);
        if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            throw new SSLException("a record larger than the loop's buffer");
        }
        net.flip();
        send(net);
        return r;
    }

    /** Writes {@code net} behind whatever is pending; the socket's leftover becomes pending. */
    private void send(ByteBuffer net) throws IOException {
        if (pending != null) {
            ByteBuffer more = ByteBuffer.allocate(pending.remaining() + net.remaining());
            more.put(pending).put(net).flip();
            pending = more;
            return;
        }
        channel.write(net);
        if (net.hasRemaining()) {
            pending = ByteBuffer.allocate(net.remaining());
            pending.put(net).flip();
        }
    }

    /** Writes what is pending; {@return whether nothing is pending any more} */
    boolean flushPending() throws IOException {
        if (pending != null) {
            channel.write(pending);
            if (!pending.hasRemaining()) {
                pending = null;
            }
        }
        return pending == null;
    }

    /**
     * Wraps application bytes into records and writes them, as much as the socket takes. Takes
     * nothing while the handshake runs or earlier records are pending.
     *
     * @return the plaintext bytes taken from {@code src}
     */
    @Override
    public int write(ByteBuffer src) throws IOException {
        if (handshaking || !flushPending()) {
            return 0;
        }
        int start = src.position();
        ByteBuffer net = loop.tlsOut();
        while (src.hasRemaining() && pending == null) {
            net.clear();
            while (src.hasRemaining() && net.remaining() >= packetSize) {
                SSLEngineResult r = ssl.wrap(src, net);
                if (r.getStatus() != SSLEngineResult.Status.OK) {
                    throw new SSLException("cannot write: the TLS session is " + r.getStatus());
                }
            }
            net.flip();
            send(net);
        }
        if (ssl.getHandshakeStatus() != HandshakeStatus.NOT_HANDSHAKING) {
            step();
        }
        return src.position() - start;
    }

    /**
     * Sends {@code close_notify} (RFC 8446 §6.1) before the TCP output is shut.
     *
     * @return whether it is written; if not, the caller waits until {@link #flushPending} says so
     */
    boolean closeOutbound() throws IOException {
        if (!closing) {
            closing = true;
            ssl.closeOutbound();
            while (!ssl.isOutboundDone()) {
                if (wrap(EMPTY).bytesProduced() == 0) {
                    break;
                }
            }
        }
        return flushPending();
    }

    /** After a TLS error the engine has an alert to send: sent if the socket takes it now, else dropped. */
    private void sendAlert() {
        try {
            closing = true;
            ssl.closeOutbound();
            while (!ssl.isOutboundDone() && wrap(EMPTY).bytesProduced() > 0) {
                // each wrap produces one alert record
            }
            flushPending();
        } catch (IOException | RuntimeException e) {
            pending = null; // the connection ends now: the alert was a courtesy
        }
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
