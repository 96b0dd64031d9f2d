package io.niows.spectests.peer;

import io.niows.spectests.wire.Frame;
import io.niows.spectests.wire.FrameFormatException;
import io.niows.spectests.wire.FrameReader;
import io.niows.spectests.wire.Hex;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link PeerConnection} over a blocking {@link Socket} whose handshake is done. A daemon
 * thread reads, splits frames with the fuzzer's own {@link FrameReader} and queues events,
 * so that a large write never waits on an unread echo.
 *
 * <p>Thread-safety: as {@link PeerConnection}; the reading thread ends when the socket closes.
 */
public final class SocketPeer implements PeerConnection {
    private static final int READ_CHUNK = 65536;
    private static final long MAX_FRAME = 256L << 20;

    private final Socket socket;
    private final Role role;
    private final WireLog log;
    private final OutputStream out;
    private final BlockingQueue<PeerEvent> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    /**
     * Starts reading.
     *
     * @param in  the socket's input, positioned after the handshake
     * @param out the socket's output, buffered so that bytes leave only on {@link #flush}; what
     *            it holds already (the fuzzing server's handshake response) leaves with the
     *            first frames, as Autobahn's does
     */
    public SocketPeer(Socket socket, InputStream in, BufferedOutputStream out, Role role, WireLog log, String name) {
        this.socket = socket;
        this.role = role;
        this.log = log;
        this.out = out;
        this.reader = new Thread(() -> readLoop(in), name);
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public WireLog log() {
        return log;
    }

    @Override
    public void write(byte[] bytes, boolean sync) {
        log.countTx(bytes.length);
        if (log.enabled()) {
            log.add("TO", Hex.of(bytes, 0, bytes.length, WireLog.MAX_DATA), sync);
        }
        try {
            out.write(bytes);
        } catch (IOException e) {
            log.add("TX_ERROR", String.valueOf(e.getMessage()));
        }
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            log.add("TX_ERROR", String.valueOf(e.getMessage()));
        }
    }

    @Override
    public PeerEvent poll(long timeout, TimeUnit unit) throws InterruptedException {
        return events.poll(timeout, unit);
    }

    @Override
    public void drop() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort: the connection is being abandoned
        }
    }

    @Override
    public void close() {
        drop();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readLoop(InputStream in) {
        FrameReader frames = new FrameReader(MAX_FRAME);
        byte[] buf = new byte[READ_CHUNK];
        String reason = "peer closed TCP";
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                log.countRx(n);
                if (log.enabled()) {
                    log.add("RO", Hex.of(buf, 0, n, WireLog.MAX_DATA));
                }
                for (Frame f : frames.feed(buf, 0, n)) {
                    logFrame(f);
                    events.add(new PeerEvent.FrameReceived(f));
                }
            }
        } catch (FrameFormatException e) {
            events.add(new PeerEvent.Unreadable(e.getMessage()));
            reason = "unreadable stream";
        } catch (IOException e) {
            reason = socket.isClosed() ? "dropped by me" : "read failed: " + e.getMessage();
        }
        events.add(new PeerEvent.TcpClosed(reason));
    }

    private void logFrame(Frame f) {
        log.countRxFrame(f.opcode());
        if (log.enabled()) {
            byte[] p = f.payload();
            int n = Math.min(p.length, WireLog.MAX_DATA);
            String text = new String(p, 0, n, StandardCharsets.ISO_8859_1) + (p.length > n ? " ..." : "");
            log.add("RF", text, f.opcode(), f.fin(), f.rsv(), f.masked(),
                    f.masked() ? Hex.of(f.maskKey()) : null);
        }
    }
}
