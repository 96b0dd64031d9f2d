package io.niows.internal.reactor;

import io.niows.protocol.HandshakeAnswer;
import io.niows.protocol.HandshakeRequest;
import io.niows.protocol.HandshakeResponder;
import io.niows.protocol.WebSocketEngine;
import io.niows.protocol.WebSocketHandshakeException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;

/**
 * A connection a server accepted. Its engine reads the request head and writes the answer; this
 * class asks the server's {@link Upgrades} what to answer, and keeps the connection counts.
 *
 * <p>Thread-safety: as {@link Connection}; the handshake runs on the loop thread.
 */
final class ServerConnection extends Connection implements HandshakeResponder {

    private static final System.Logger LOG = System.getLogger("io.niows");

    private final ServerConfig server;
    /** The counts this connection is in, or null if it was refused; loop thread only. */
    private ConnectionLimits counted;
    private boolean handshaking;

    private ServerConnection(SelectorLoop loop, SocketChannel channel, ServerConfig server, InetSocketAddress remote) {
        super(loop, channel, server.connection(), remote);
        this.server = server;
        this.engine = WebSocketEngine.server(server.connection().engine(), this, this, this);
    }

    /**
     * Takes over an accepted channel on its loop thread. Past a connection limit the client is
     * answered 503 with {@code Retry-After} at once, before its request arrives, and its request
     * is read and dropped until it closes (or the close timeout passes).
     */
    static void accept(SelectorLoop loop, SocketChannel channel, ServerConfig config, ConnectionLimits limits,
            boolean refuse) {
        try {
            if (refuse) {
                channel.close();
                return;
            }
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
            ServerConnection c = new ServerConnection(loop, channel, config, remote);
            if (config.tls() != null && config.plainToo()) {
                c.detectTls = true;
            } else if (config.tls() != null) {
                c.tls = TlsStage.server(c.tlsEngine(), channel, loop, c);
            }
            c.key = channel.register(loop.selector(), SelectionKey.OP_READ, c);
            c.stats.accepted++;
            loop.add(c);
            String refusal = limits.admit(remote.getAddress());
            if (refusal == null) {
                c.counted = limits;
                c.handshaking = true;
            } else {
                c.engine.refuse(HandshakeAnswer.refuse(503, refusal)
                        .withHeader("Retry-After", Integer.toString(ConnectionLimits.RETRY_AFTER_SECONDS)));
                c.afterEngine();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "could not take an accepted connection", e);
            try {
                channel.close();
            } catch (IOException ignored) {
                LOG.log(Level.TRACE, "closing a refused channel", ignored);
            }
        }
    }

    @Override
    SSLEngine tlsEngine() {
        return server.tlsEngine(remote);
    }

    /**
     * Any thread, though {@link #tls} is the loop's: it is set before the opening request is read
     * and never again, so before the application's handle of this connection exists.
     */
    @Override
    public SSLSession tlsSession() {
        return tls == null ? null : tls.session();
    }

    @Override
    public HandshakeAnswer upgrade(HandshakeRequest request) {
        return server.upgrades().upgrade(this, request, bound -> events = bound);
    }

    @Override
    public HandshakeAnswer http(HandshakeRequest request) {
        return server.upgrades().http(this, request);
    }

    /** The application keeps what it needs of the request (see {@link Upgrades}): the engine need not. */
    @Override
    public void onOpen() {
        endHandshake();
        super.onOpen();
        engine.dropRequest();
    }

    /**
     * The engine answered with an HTTP response instead of a 101 (a refusal, or the fallback's
     * answer to plain HTTP); a 500 is the server's own fault and worth a warning.
     */
    @Override
    public void onHandshakeFailed(WebSocketHandshakeException answered) {
        endHandshake();
        countRefused(answered.status(), answered.getMessage());
        LOG.log(answered.status() == 500 ? Level.WARNING : Level.DEBUG,
                "answered " + remote + " with " + answered.status() + ": " + answered.getMessage());
    }

    /** The request head is read: this connection no longer counts as an opening handshake in progress. */
    private void endHandshake() {
        if (handshaking) {
            handshaking = false;
            counted.handshakeEnded();
        }
    }

    @Override
    void onFinished() {
        if (counted != null) {
            counted.closed(remote.getAddress(), handshaking);
            counted = null;
        }
    }
}
