package io.niows.bench.servers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One selector thread of the {@link FloorServer}: reads into one buffer it owns, lets each
 * connection turn what arrived into its answer in one out buffer, and writes that with one call;
 * bytes the kernel does not take are copied aside and the connection stops reading until they
 * are written. Broadcast frames from any loop arrive through a queue and go to each member of
 * this loop with one gathering write per turn.
 *
 * <p>Thread-safe entry points: {@link #adopt} and {@link #broadcast}; the rest runs on this thread.
 */
final class FloorLoop extends Thread {

    private static final int BUFFER = 256 * 1024;
    private static final int MAX_HEADER = 14;

    private final FloorServer server;
    private final Selector selector;
    private final ConcurrentLinkedQueue<SocketChannel> adopted = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ByteBuffer> broadcasts = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean awake = new AtomicBoolean();
    private final ByteBuffer in = ByteBuffer.allocateDirect(BUFFER);
    private final ByteBuffer out = ByteBuffer.allocateDirect(BUFFER + 2 * MAX_HEADER);
    private final List<FloorConnection> members = new ArrayList<>();

    FloorLoop(FloorServer server, int index) throws IOException {
        super("floor-loop-" + index);
        this.server = server;
        this.selector = Selector.open();
    }

    void adopt(SocketChannel ch) {
        adopted.add(ch);
        wake();
    }

    void broadcast(ByteBuffer frame) {
        broadcasts.add(frame);
        wake();
    }

    private void wake() {
        if (awake.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    @Override
    public void run() {
        try {
            while (true) {
                selector.select(this::handle);
                awake.set(false);
                registerAdopted();
                sendBroadcasts();
            }
        } catch (IOException e) {
            System.err.println(getName() + " ended: " + e);
        }
    }

    private void registerAdopted() throws IOException {
        SocketChannel ch;
        while ((ch = adopted.poll()) != null) {
            ch.configureBlocking(false);
            ch.socket().setTcpNoDelay(true);
            FloorConnection c = new FloorConnection(ch);
            c.key = ch.register(selector, SelectionKey.OP_READ, c);
        }
    }

    /** Every frame queued since the last turn goes to each member in one gathering write. */
    private void sendBroadcasts() {
        List<ByteBuffer> frames = new ArrayList<>();
        ByteBuffer frame;
        while ((frame = broadcasts.poll()) != null) {
            frames.add(frame);
        }
        if (frames.isEmpty()) {
            return;
        }
        ByteBuffer[] batch = new ByteBuffer[frames.size()];
        for (int i = members.size() - 1; i >= 0; i--) {
            FloorConnection c = members.get(i);
            for (int f = 0; f < batch.length; f++) {
                batch[f] = frames.get(f).duplicate();
            }
            sendAll(c, batch);
        }
    }

    private void sendAll(FloorConnection c, ByteBuffer[] batch) {
        if (!c.key.isValid()) {
            return;
        }
        try {
            if (!c.hasPending()) {
                c.channel.write(batch);
            }
            boolean kept = false;
            for (ByteBuffer b : batch) {
                if (b.hasRemaining()) {
                    c.keep(b);
                    kept = true;
                }
            }
            if (kept) {
                c.key.interestOps(SelectionKey.OP_WRITE);
            }
        } catch (IOException e) {
            close(c);
        }
    }

    private void handle(SelectionKey key) {
        FloorConnection c = (FloorConnection) key.attachment();
        try {
            if (key.isWritable() && c.writePending()) {
                key.interestOps(SelectionKey.OP_READ);
            }
            if (key.isValid() && key.isReadable() && (key.interestOps() & SelectionKey.OP_READ) != 0) {
                read(c);
            }
        } catch (IOException | RuntimeException e) {
            close(c);
        }
    }

    private void read(FloorConnection c) throws IOException {
        in.clear();
        if (c.channel.read(in) < 0) {
            close(c);
            return;
        }
        in.flip();
        out.clear();
        boolean wasMember = c.broadcast;
        c.consume(in, out, server);
        if (c.broadcast && !wasMember) {
            members.add(c);
        }
        out.flip();
        send(c, out, true);
    }

    /** Writes {@code data} now if nothing is waiting; keeps the rest (copied if {@code owned}). */
    private void send(FloorConnection c, ByteBuffer data, boolean loopOwned) {
        if (!data.hasRemaining() || !c.key.isValid()) {
            return;
        }
        try {
            if (!c.hasPending()) {
                c.channel.write(data);
            }
            if (data.hasRemaining()) {
                c.keep(loopOwned ? ByteBuffer.allocate(data.remaining()).put(data).flip() : data);
                c.key.interestOps(SelectionKey.OP_WRITE);
            }
        } catch (IOException e) {
            close(c);
        }
    }

    private void close(FloorConnection c) {
        c.key.cancel();
        members.remove(c);
        try {
            c.channel.close();
        } catch (IOException ignored) {
            // nothing to release
        }
    }
}
