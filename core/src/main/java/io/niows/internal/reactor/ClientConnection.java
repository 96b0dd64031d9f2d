package io.niows.internal.reactor;

import io.niows.WebSocketHandshakeException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Map;

/**
 * A connection a client opened: it connects, sends the opening handshake, checks the answer
 * (RFC 6455 §4.1), and opens; or fails the application's connect future with the reason.
 *
 * <p>Thread-safety: as {@link Connection}; the handshake runs on the loop thread.
 */
final class ClientConnection extends Connection {

    private static final System.Logger LOG = System.getLogger("io.niows");

    /** The client this connection belongs to, told when it ends. */
    private final ClientRuntime owner;
    private ClientSide client;

    private ClientConnection(SelectorLoop loop, SocketChannel channel, ConnectionSettings settings,
            InetSocketAddress remote, ClientSide client, ClientRuntime owner) {
        super(loop, channel, settings, remote);
        this.client = client;
        this.owner = owner;
    }

    /**
     * Starts a client connection on its loop thread: opens the TCP connection, then sends the
     * opening handshake once connected. Fails the connect future if {@code owner} is closing.
     */
    static void connect(SelectorLoop loop, InetSocketAddress address, ConnectionSettings settings,
            ClientSide client, ClientRuntime owner) {
        SocketChannel channel = null;
        ClientConnection c = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c = new ClientConnection(loop, channel, settings, address, client, owner);
            if (!owner.track(c)) {
                throw new IOException("the client is closed");
            }
            boolean done = channel.connect(address);
            c.key = channel.register(loop.selector(), done ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, c);
            loop.add(c);
            if (done) {
                c.enqueueControl(client.handshake.request());
            }
        } catch (IOException | RuntimeException e) {
            if (c != null) {
                owner.untrack(c);
            }
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

    @Override
    void readHandshake(ByteBuffer buf) {
        if (client == null) {
            buf.position(buf.limit());
            return;
        }
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
        request = RequestHead.sent(side.handshake.request(), remote);
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

    @Override
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
        if (client != null) {
            client.connected.completeExceptionally(new WebSocketHandshakeException(-1,
                    "the connection ended before the handshake was over", Map.of(), new byte[0]));
            client = null;
        }
    }
}
