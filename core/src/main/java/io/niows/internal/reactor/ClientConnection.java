package io.niows.internal.reactor;

import io.niows.protocol.HandshakeRequest;
import io.niows.protocol.ProxyTunnel;
import io.niows.protocol.WebSocketEngine;
import io.niows.protocol.WebSocketHandshakeException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A connection a client opened: it connects, then its engine sends the opening request and checks
 * the answer (RFC 6455 §4.1); the application's connect future completes with the open connection,
 * or fails with the reason.
 *
 * <p>Thread-safety: as {@link Connection}; the handshake runs on the loop thread.
 */
final class ClientConnection extends Connection {

    private static final System.Logger LOG = System.getLogger("io.niows");

    /** The client this connection belongs to, told when it ends. */
    private final ClientRuntime owner;
    /** Completed once, when the handshake ends either way; loop thread only until then. */
    private final CompletableFuture<ConnectionEvents> connected;
    /** The proxy tunnel being asked for, until the proxy opened it; null without a proxy. Loop thread only. */
    private ProxyTunnel tunnel;
    /** A {@code wss://} connection's TLS stage while the proxy tunnel is being opened; loop thread only. */
    private TlsStage tlsAfterTunnel;

    private ClientConnection(SelectorLoop loop, SocketChannel channel, ConnectionSettings settings,
            InetSocketAddress remote, HandshakeRequest request, Function<Link, ConnectionEvents> bind,
            CompletableFuture<ConnectionEvents> connected, ClientRuntime owner, ProxyTunnel tunnel) {
        super(loop, channel, settings, remote);
        this.tunnel = tunnel;
        this.engine = WebSocketEngine.client(settings.engine(), request, this, this);
        this.events = bind.apply(this);
        this.connected = connected;
        this.owner = owner;
    }

    /**
     * Starts a client connection on its loop thread: opens the TCP connection, then sends the
     * opening handshake once connected (through {@code tunnel} once the proxy at {@code address}
     * opened it, with a proxy). Fails the connect future if {@code owner} is closing.
     */
    static void connect(SelectorLoop loop, InetSocketAddress address, ConnectionSettings settings,
            HandshakeRequest request, SSLEngine ssl, Function<Link, ConnectionEvents> bind,
            CompletableFuture<ConnectionEvents> connected, ClientRuntime owner, ProxyTunnel tunnel) {
        SocketChannel channel = null;
        ClientConnection c = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c = new ClientConnection(loop, channel, settings, address, request, bind, connected, owner, tunnel);
            if (ssl != null) {
                TlsStage stage = new TlsStage(ssl, channel, loop, c);
                if (tunnel == null) {
                    c.tls = stage;
                } else {
                    c.tlsAfterTunnel = stage;
                }
            }
            if (!owner.track(c)) {
                throw new IOException("the client is closed");
            }
            boolean done = channel.connect(address);
            c.key = channel.register(loop.selector(), done ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, c);
            loop.add(c);
            if (done) {
                c.connectedTcp();
            }
        } catch (IOException | RuntimeException e) {
            if (c != null) {
                owner.untrack(c);
            }
            connected.completeExceptionally(e);
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    LOG.log(Level.TRACE, "closing a failed channel", ignored);
                }
            }
        }
    }

    /**
     * Any thread, though {@link #tls} is the loop's: it is set before the TLS handshake (after the
     * proxy's tunnel, with a proxy) and never again, so before the application is given the open
     * connection.
     */
    @Override
    public SSLSession tlsSession() {
        return tls == null ? null : tls.session();
    }

    @Override
    void onConnectable() {
        try {
            if (!channel.finishConnect()) {
                return;
            }
        } catch (IOException e) {
            failConnect(tunnel == null ? e : new IOException("cannot connect to the proxy at " + remote + ": "
                    + e.getMessage(), e));
            return;
        }
        key.interestOps(SelectionKey.OP_READ);
        try {
            connectedTcp();
        } catch (IOException e) {
            failConnect(e);
        }
    }

    /** TCP is up: ask the proxy for the tunnel, or start the TLS and opening handshakes. */
    private void connectedTcp() throws IOException {
        if (tunnel != null) {
            enqueueControl(tunnel.request());
        } else {
            start();
        }
    }

    /**
     * The proxy's answer first, in the clear: once it opened the tunnel, the TLS handshake (for
     * {@code wss://}) and the opening handshake go through it.
     */
    @Override
    void receive(ByteBuffer buf) {
        if (tunnel == null) {
            engine.receive(buf);
            return;
        }
        try {
            if (!tunnel.read(buf)) {
                return;
            }
            tunnel = null;
            if (tlsAfterTunnel != null && buf.hasRemaining()) {
                throw new IOException("the server spoke before the TLS handshake");
            }
            tls = tlsAfterTunnel;
            tlsAfterTunnel = null;
            start();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "no tunnel through the proxy at " + remote + ": " + e.getMessage());
            buf.position(buf.limit());
            failConnect(e);
            return;
        }
        engine.receive(buf);
    }

    /** Connected: the TLS handshake starts, and the opening request is queued behind it. */
    private void start() throws IOException {
        if (tls != null) {
            tls.begin();
            if (tls.hasPending()) {
                flush();
            }
        }
        engine.start();
    }

    /** A TLS error (an untrusted certificate, a host name that does not match) fails the connect future with itself. */
    @Override
    void onTransportError(IOException e) {
        connected.completeExceptionally(e);
    }

    @Override
    public void onOpen() {
        super.onOpen();
        connected.complete(events);
    }

    @Override
    public void onHandshakeFailed(WebSocketHandshakeException failure) {
        countRefused(failure.status(), failure.getMessage());
        LOG.log(Level.DEBUG, "handshake with " + remote + " failed: " + failure.getMessage());
        failConnect(failure);
    }

    /** The future fails with {@code why} first: {@link #onFinished} would otherwise fail it more vaguely. */
    private void failConnect(IOException why) {
        connected.completeExceptionally(why);
        droppedHere = true;
        finish();
    }

    @Override
    void onHandshakeTimeout() {
        failConnect(new WebSocketHandshakeException(-1, "no handshake answer from " + remote
                + " within " + config.handshakeTimeoutNanos() / 1_000_000 + " ms", Map.of(), new byte[0]));
    }

    /** The owner hears of the end after the handler's {@code onClose}, so its close can wait for that. */
    @Override
    void finish() {
        super.finish();
        owner.untrack(this);
    }

    @Override
    void onFinished() {
        connected.completeExceptionally(new WebSocketHandshakeException(-1,
                "the connection ended before the handshake was over", Map.of(), new byte[0]));
    }
}
