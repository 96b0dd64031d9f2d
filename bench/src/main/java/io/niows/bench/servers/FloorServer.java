package io.niows.bench.servers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The floor: the least work a WebSocket echo and broadcast can be on {@code java.nio}. It checks
 * no rule at all: it upgrades any request, echoes each frame back unmasked as it streams in, and
 * sends each {@code /broadcast} message, encoded once, to every member. What it measures is the
 * cost of the loopback and the selectors, the bound any real library is compared with.
 *
 * <p>Thread-safe to start once; afterwards it runs on its own threads.
 */
public final class FloorServer implements BenchServer {

    private FloorLoop[] loops;

    @Override
    public int start(String host, int threads) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(host, 0), 1024);
        loops = new FloorLoop[threads];
        for (int i = 0; i < threads; i++) {
            loops[i] = new FloorLoop(this, i);
            loops[i].start();
        }
        Thread acceptor = new Thread(() -> accept(server), "floor-acceptor");
        acceptor.start();
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    private void accept(ServerSocketChannel server) {
        int next = 0;
        try {
            while (true) {
                SocketChannel ch = server.accept();
                loops[next++ % loops.length].adopt(ch);
            }
        } catch (IOException e) {
            System.err.println("floor acceptor ended: " + e);
        }
    }

    /** Sends one encoded frame (read-only, shared) to every broadcast member on every loop. */
    void broadcast(ByteBuffer frame) {
        for (FloorLoop loop : loops) {
            loop.broadcast(frame);
        }
    }
}
