package io.niows.internal.reactor;

import io.niows.internal.handshake.HttpError;
import io.niows.internal.handshake.HttpRequest;
import io.niows.internal.handshake.HttpRequestParser;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Map;

/**
 * A connection a server accepted: it reads the client's request head, answers it, and opens.
 *
 * <p>Thread-safety: as {@link Connection}; the handshake runs on the loop thread.
 */
final class ServerConnection extends Connection {

    private static final System.Logger LOG = System.getLogger("io.niows");

    private final ServerConfig server;
    private HttpRequestParser parser;
    /** The counts this connection is in, or null if it was refused; loop thread only. */
    private ConnectionLimits counted;
    private boolean handshaking;

    private ServerConnection(SelectorLoop loop, SocketChannel channel, ServerConfig server, InetSocketAddress remote) {
        super(loop, channel, server.connection(), remote);
        this.server = server;
        this.parser = new HttpRequestParser(server.connection().handshakeLimits());
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
            c.key = channel.register(loop.selector(), SelectionKey.OP_READ, c);
            loop.add(c);
            String refusal = limits.admit(remote.getAddress());
            if (refusal == null) {
                c.counted = limits;
                c.handshaking = true;
            } else {
                LOG.log(Level.DEBUG, "refusing " + remote + ": " + refusal);
                c.parser = null;
                c.respondAndClose(new HttpError(503, refusal,
                        Map.of("Retry-After", Integer.toString(ConnectionLimits.RETRY_AFTER_SECONDS)))
                        .toResponse());
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
    void readHandshake(ByteBuffer buf) {
        if (parser == null) {
            buf.position(buf.limit());
            return;
        }
        HttpRequest head;
        try {
            head = parser.parse(buf);
        } catch (HttpError e) {
            parser = null;
            endHandshake();
            respondAndClose(e.toResponse());
            return;
        }
        if (head == null) {
            return;
        }
        parser = null;
        endHandshake();
        ServerUpgrade upgrade = ServerUpgrade.decide(head, remote, server);
        if (!upgrade.accepted()) {
            respondAndClose(upgrade.response);
            return;
        }
        enqueueControl(upgrade.response);
        request = upgrade.head.compact();
        open(upgrade.handler, upgrade.subprotocol);
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
