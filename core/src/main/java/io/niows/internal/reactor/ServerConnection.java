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

/**
 * A connection a server accepted: it reads the client's request head, answers it, and opens.
 *
 * <p>Thread-safety: as {@link Connection}; the handshake runs on the loop thread.
 */
final class ServerConnection extends Connection {

    private static final System.Logger LOG = System.getLogger("io.niows");

    private final ServerConfig server;
    private HttpRequestParser parser;

    private ServerConnection(SelectorLoop loop, SocketChannel channel, ServerConfig server, InetSocketAddress remote) {
        super(loop, channel, server.connection(), remote);
        this.server = server;
        this.parser = new HttpRequestParser(server.connection().handshakeLimits());
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
            ServerConnection c = new ServerConnection(loop, channel, config, remote);
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
        request = upgrade.head.compact();
        open(upgrade.handler, upgrade.subprotocol);
    }

}
