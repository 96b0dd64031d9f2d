package io.niows.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * One load thread: a selector over its share of the round's connections. It opens them (a bounded
 * number of handshakes at a time, so no server's accept backlog overflows), runs the
 * {@link Behavior} on them, records what arrives while the round is measured, and closes them.
 * With deflate, its connections offer permessage-deflate, fail unless the server agrees, and
 * inflate what they receive; the loop lends its behaviour a compressor for what it sends.
 *
 * <p>Thread-safe only as far as the runner needs: the runner sets the phase through
 * {@link RunControl}, may call {@link #wakeup()} from any thread, and reads the figures after
 * {@link #join()}.
 */
final class LoadLoop extends Thread {

    private static final int MAX_PENDING_HANDSHAKES = 32;
    private static final int READ_BUFFER = 256 * 1024;
    private static final long SELECT_MILLIS = 5;
    private static final ByteBuffer CLOSE_FRAME = ClientFrameWriter.frame(
            ClientFrameWriter.OP_CLOSE, ByteBuffer.allocate(2).putShort(0, (short) 1000), 0x5A5A5A5A, true);

    private final RunControl control;
    private final InetSocketAddress target;
    private final int share;
    private final int publishers;
    private final Behavior behavior;
    private final boolean deflate;
    private ClientCompressor compressor;
    private final Selector selector;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER);
    private final List<ClientConnection> connections = new ArrayList<>();
    private int phase = RunControl.CONNECT;
    private int pending;

    /** Latency of each frame received while measured, in nanoseconds. */
    final LogHistogram latency = new LogHistogram();
    long frames;
    long bytes;
    int errors;
    int stalled;

    LoadLoop(int index, RunControl control, InetSocketAddress target, int share, int publishers,
            Behavior behavior, boolean deflate) throws IOException {
        super("load-" + index);
        setDaemon(true);
        this.control = control;
        this.target = target;
        this.share = share;
        this.publishers = publishers;
        this.behavior = behavior;
        this.deflate = deflate;
        this.selector = Selector.open();
    }

    /** This thread's compressor, made on first use; ended when the loop ends. */
    ClientCompressor compressor() {
        if (compressor == null) {
            compressor = new ClientCompressor();
        }
        return compressor;
    }

    int phase() {
        return phase;
    }

    boolean measuring() {
        return phase == RunControl.MEASURE;
    }

    void wakeup() {
        selector.wakeup();
    }

    List<ClientConnection> connections() {
        return connections;
    }

    @Override
    public void run() {
        try {
            loop();
        } catch (IOException | RuntimeException e) {
            control.firstFailure.compareAndSet(null, e);
            errors++;
        } finally {
            closeAll();
        }
    }

    private void loop() throws IOException {
        while (true) {
            int now = control.phase();
            if (now != phase) {
                enter(now);
            }
            if (phase == RunControl.STOP) {
                return;
            }
            openMore();
            behavior.tick(this);
            selector.select(this::handle, SELECT_MILLIS);
        }
    }

    private void enter(int next) {
        if (next >= RunControl.WARMUP && phase < RunControl.WARMUP) {
            phase = next;
            for (ClientConnection c : connections) {
                if (c.upgraded() && c.key.isValid()) {
                    behavior.start(this, c);
                    flush(c);
                }
            }
        }
        if (next >= RunControl.DRAIN && phase == RunControl.MEASURE) {
            for (ClientConnection c : connections) {
                if (c.upgraded() && c.measured == 0) {
                    stalled++;
                }
            }
        }
        phase = next;
    }

    private void openMore() throws IOException {
        while (phase == RunControl.CONNECT && connections.size() < share && pending < MAX_PENDING_HANDSHAKES) {
            SocketChannel ch = SocketChannel.open();
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ClientConnection c = new ClientConnection(ch, deflate);
            c.publisher = connections.size() < publishers;
            connections.add(c);
            pending++;
            c.key = ch.register(selector, SelectionKey.OP_CONNECT, c);
            if (ch.connect(target)) {
                connected(c);
            }
        }
    }

    private void handle(SelectionKey key) {
        ClientConnection c = (ClientConnection) key.attachment();
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isConnectable()) {
                c.channel.finishConnect();
                connected(c);
            }
            if (key.isValid() && key.isWritable()) {
                flush(c);
            }
            if (key.isValid() && key.isReadable()) {
                read(c);
            }
        } catch (IOException | RuntimeException e) {
            fail(c, e);
        }
    }

    private void connected(ClientConnection c) throws IOException {
        c.out.add(ClientHandshake.request(target.getHostString(), target.getPort(), behavior.path(), deflate));
        c.key.interestOps(SelectionKey.OP_READ);
        flush(c);
    }

    private void read(ClientConnection c) throws IOException {
        readBuffer.clear();
        int n = c.channel.read(readBuffer);
        if (n < 0) {
            throw new IOException("server closed the connection");
        }
        readBuffer.flip();
        if (!c.upgraded()) {
            if (!c.handshake.feed(readBuffer)) {
                return;
            }
            c.handshake = null;
            pending--;
            control.established.incrementAndGet();
        }
        c.reader.feed(readBuffer, (op, len, w0, w1) -> behavior.onFrame(this, c, op, len, w0, w1));
        flush(c);
    }

    /** Writes what {@code c} has queued; asks for OP_WRITE only while the kernel buffer is full. */
    void flush(ClientConnection c) {
        try {
            boolean done = c.out.writeTo(c.channel);
            if (done == c.writeInterest) {
                c.writeInterest = !done;
                c.key.interestOps(done ? SelectionKey.OP_READ : SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        } catch (IOException | RuntimeException e) {
            fail(c, e);
        }
    }

    /** Records a failed connection and closes it. */
    void fail(ClientConnection c, Exception cause) {
        if (!c.upgraded()) {
            pending--;
            control.connectionFailed(cause);
        } else if (phase < RunControl.STOP) {
            errors++;
            control.firstFailure.compareAndSet(null, cause);
        }
        c.key.cancel();
        closeQuietly(c);
    }

    /** Counts one frame received while measured. */
    void measured(ClientConnection c, long length, long latencyNanos) {
        c.measured++;
        frames++;
        bytes += length;
        latency.record(latencyNanos);
    }

    private void closeAll() {
        for (ClientConnection c : connections) {
            if (c.channel.isOpen() && c.upgraded() && c.out.isEmpty()) {
                try {
                    c.channel.write(CLOSE_FRAME.duplicate());
                } catch (IOException ignored) {
                    // the socket is being closed anyway
                }
            }
            closeQuietly(c);
        }
        if (compressor != null) {
            compressor.end();
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    private static void closeQuietly(ClientConnection c) {
        try {
            // An abortive close leaves no TIME_WAIT, so 10,000 connections per round do not run
            // the loopback out of ephemeral ports over many rounds.
            c.channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            c.channel.close();
        } catch (IOException ignored) {
            // already closed
        }
        c.out.clear();
        c.reader.release();
    }
}
