package io.niows.bench.soak;

import io.niows.bench.load.ClientFrameWriter;
import io.niows.bench.load.ClientHandshake;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One slot of the soak: a blocking-socket WebSocket client that runs {@link Step}s drawn from its
 * own seeded random source on one connection until a step ends it, then opens the next, until the
 * runner says stop; then it closes with a close handshake. Every echo is compared byte for byte,
 * every pong with its ping; a difference, a missing answer (nothing within the timeout), an
 * unexpected frame or an unexpected end of the connection is recorded in the {@link SoakTally}
 * as a failure, which stops the run.
 *
 * <p>One message is in flight at a time, so the client never has to read while it writes: a
 * blocking socket and a thread per slot suffice. Not thread-safe: run by one thread.
 */
final class ChaosConnection implements Runnable {

    private static final int CLOSE_NORMAL = 1000;
    private static final int READ_BUFFER = 16 * 1024;
    private static final int MAX_WRITE_PIECES = 16;

    private final int slot;
    private final long seed;
    private final InetSocketAddress target;
    private final SoakTally tally;
    private final int timeoutMillis;
    private final int maxPauseMillis;
    private final SplittableRandom random;
    private int connection;
    private long step;
    private Socket socket;
    private OutputStream out;
    private ServerFrameInput frames;

    ChaosConnection(int slot, long seed, InetSocketAddress target, SoakTally tally, int timeoutMillis,
            int maxPauseMillis) {
        this.slot = slot;
        this.seed = seed;
        this.target = target;
        this.tally = tally;
        this.timeoutMillis = timeoutMillis;
        this.maxPauseMillis = maxPauseMillis;
        this.random = new SplittableRandom(seed * 1_000_003L + slot);
    }

    @Override
    public void run() {
        try {
            while (!tally.stopping()) {
                connection++;
                step = 0;
                session();
            }
        } catch (SocketTimeoutException e) {
            tally.fail(where() + ": no answer within " + timeoutMillis + " ms (lost)");
        } catch (IOException | RuntimeException e) {
            tally.fail(where() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly();
        }
    }

    private String where() {
        return "seed " + seed + ", slot " + slot + ", connection " + connection + ", step " + step;
    }

    /** One TCP connection, from connect to the step that ends it (or the close at the end of the run). */
    private void session() throws IOException, InterruptedException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(timeoutMillis);
        socket.connect(target, timeoutMillis);
        tally.connected();
        out = socket.getOutputStream();
        InputStream in = new BufferedInputStream(socket.getInputStream(), READ_BUFFER);
        handshake(in);
        frames = new ServerFrameInput(in, Traffic.MAX_MESSAGE);
        while (!tally.stopping()) {
            pause();
            step++;
            Step next = Step.pick(random);
            perform(next);
            if (next.ends()) {
                closeQuietly();
                return;
            }
        }
        closeHandshake(false);
        closeQuietly();
    }

    private void handshake(InputStream in) throws IOException {
        ByteBuffer request = ClientHandshake.request(target.getHostString(), target.getPort(), "/");
        out.write(request.array(), request.position(), request.remaining());
        ClientHandshake handshake = new ClientHandshake();
        ByteBuffer one = ByteBuffer.allocate(1);
        // One byte at a time from the buffered stream: no byte after the response head is taken.
        do {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection during the handshake");
            }
            one.clear();
            one.put((byte) b).flip();
        } while (!handshake.feed(one));
    }

    private void pause() throws InterruptedException {
        if (maxPauseMillis > 0) {
            Thread.sleep(random.nextInt(maxPauseMillis + 1));
        }
    }

    private void perform(Step next) throws IOException {
        switch (next) {
            case ECHO:
                echo();
                break;
            case PING:
                ping();
                break;
            case RESET:
                reset();
                break;
            case RESET_MID_MESSAGE:
                resetMidMessage();
                break;
            case HALF_CLOSE_AFTER_CLOSE:
                closeHandshake(true);
                tally.halfClosed();
                break;
            case HALF_CLOSE_MID_MESSAGE:
                halfCloseMidMessage();
                break;
            default:
                throw new AssertionError(next);
        }
    }

    private void echo() throws IOException {
        Traffic.Message message = Traffic.message(random);
        Traffic.Wire wire = Traffic.wire(message, random);
        send(wire.bytes(), wire.bytes().length);
        expect(message, new ArrayDeque<>(wire.pings()));
        tally.echoed(message.payload().length);
    }

    private void ping() throws IOException {
        byte[] payload = Traffic.pingPayload(random);
        byte[] frame = Traffic.frame(true, ClientFrameWriter.OP_PING, payload, random.nextInt());
        send(frame, frame.length);
        expect(null, new ArrayDeque<>(List.of(payload)));
    }

    private void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
        tally.reset();
    }

    private void resetMidMessage() throws IOException {
        Traffic.Wire wire = Traffic.wire(Traffic.message(random), random);
        send(wire.bytes(), random.nextInt(wire.bytes().length + 1));
        reset();
    }

    /**
     * Part of a message, never all of it, then TCP FIN: the server must not answer with data. It
     * may answer the pings it read in full, or drop them with the connection.
     */
    private void halfCloseMidMessage() throws IOException {
        Traffic.Wire wire = Traffic.wire(Traffic.message(random), random);
        int length = random.nextInt(wire.messageEnd());
        send(wire.bytes(), length);
        socket.shutdownOutput();
        Deque<byte[]> pongs = new ArrayDeque<>(wire.pingsWithin(length));
        for (ServerFrameInput.Frame f = frames.next(); f != null; f = frames.next()) {
            if (f.opcode() != ClientFrameWriter.OP_PONG) {
                throw new IOException("after a half-close in the middle of a message: " + describe(f));
            }
            checkPong(f, pongs);
        }
        tally.halfClosed();
    }

    /**
     * Sends a close frame (1000), optionally shuts the output right after it, and expects the
     * server's close frame with the same code, then the end of the stream (RFC 6455 §5.5.1, §7.1.1:
     * the server closes the TCP connection first).
     */
    private void closeHandshake(boolean halfClose) throws IOException {
        byte[] code = ByteBuffer.allocate(2).putShort((short) CLOSE_NORMAL).array();
        byte[] frame = Traffic.frame(true, ClientFrameWriter.OP_CLOSE, code, random.nextInt());
        send(frame, frame.length);
        if (halfClose) {
            socket.shutdownOutput();
        }
        ServerFrameInput.Frame reply = frames.next();
        if (reply == null || reply.opcode() != ClientFrameWriter.OP_CLOSE || !Arrays.equals(reply.payload(), code)) {
            throw new IOException("expected a close frame with 1000, got " + describe(reply));
        }
        ServerFrameInput.Frame after = frames.next();
        if (after != null) {
            throw new IOException("a frame after the close frame: " + describe(after));
        }
    }

    /**
     * Writes the first {@code length} bytes of {@code bytes}: usually in one write, a quarter of
     * the time in up to 16 pieces, so the server also sees headers and payloads split across reads.
     */
    private void send(byte[] bytes, int length) throws IOException {
        if (length == 0 || random.nextInt(4) != 0) {
            out.write(bytes, 0, length);
            return;
        }
        int pieces = Math.min(length, random.nextInt(2, MAX_WRITE_PIECES + 1));
        int[] cuts = new int[pieces + 1];
        for (int i = 1; i < pieces; i++) {
            cuts[i] = random.nextInt(1, length);
        }
        cuts[pieces] = length;
        Arrays.sort(cuts, 1, pieces);
        for (int i = 0; i < pieces; i++) {
            if (cuts[i + 1] > cuts[i]) {
                out.write(bytes, cuts[i], cuts[i + 1] - cuts[i]);
            }
        }
    }

    /**
     * Reads until the echo of {@code message} (none when null) and every pong in {@code pongs}
     * have arrived, each exactly as sent. Pongs come in the order of their pings; the echo comes
     * whole, in one frame or in fragments.
     */
    private void expect(Traffic.Message message, Deque<byte[]> pongs) throws IOException {
        boolean echoed = message == null;
        Assembly assembly = null;
        while (!echoed || !pongs.isEmpty()) {
            ServerFrameInput.Frame f = frames.next();
            if (f == null) {
                throw new IOException("the server ended the connection while " + (echoed ? "" : "the echo and ")
                        + pongs.size() + " pong(s) were due");
            }
            if (f.opcode() == ClientFrameWriter.OP_PONG) {
                checkPong(f, pongs);
                continue;
            }
            boolean first = f.opcode() == ClientFrameWriter.OP_TEXT || f.opcode() == ClientFrameWriter.OP_BINARY;
            if (echoed || (first == (assembly != null)) || (!first && f.opcode() != ClientFrameWriter.OP_CONTINUATION)) {
                throw new IOException("unexpected " + describe(f) + (message == null ? "" : " while waiting for the echo of a "
                        + message.describe()));
            }
            if (first) {
                assembly = new Assembly(f.opcode());
            }
            assembly.add(f.payload());
            if (f.fin()) {
                assembly.check(message);
                echoed = true;
            }
        }
    }

    private void checkPong(ServerFrameInput.Frame f, Deque<byte[]> pongs) throws IOException {
        byte[] expected = pongs.poll();
        if (expected == null) {
            throw new IOException("a pong no ping asked for: " + f.payload().length + " bytes");
        }
        if (!Arrays.equals(expected, f.payload())) {
            throw new IOException("a pong of " + f.payload().length + " bytes differs from its ping of "
                    + expected.length + " bytes");
        }
        tally.ponged();
    }

    private static String describe(ServerFrameInput.Frame f) {
        if (f == null) {
            return "the end of the stream";
        }
        String code = f.opcode() == ClientFrameWriter.OP_CLOSE && f.payload().length >= 2
                ? ", code " + ByteBuffer.wrap(f.payload()).getShort(0) : "";
        return "frame with opcode " + f.opcode() + (f.fin() ? "" : " (not final)") + ", " + f.payload().length + " bytes" + code;
    }

    private void closeQuietly() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone: nothing to release
            }
        }
    }

    /** An echo arriving in fragments. */
    private static final class Assembly {
        private final int opcode;
        private byte[] bytes = new byte[0];

        Assembly(int opcode) {
            this.opcode = opcode;
        }

        void add(byte[] fragment) throws IOException {
            if (bytes.length + fragment.length > Traffic.MAX_MESSAGE) {
                throw new IOException("an echo longer than any message sent");
            }
            byte[] joined = Arrays.copyOf(bytes, bytes.length + fragment.length);
            System.arraycopy(fragment, 0, joined, bytes.length, fragment.length);
            bytes = joined;
        }

        void check(Traffic.Message sent) throws IOException {
            if (opcode != sent.opcode()) {
                throw new IOException("the echo of a " + sent.describe() + " came back with opcode " + opcode);
            }
            int at = Arrays.mismatch(bytes, sent.payload());
            if (at >= 0) {
                throw new IOException("the echo of a " + sent.describe() + " differs from it at byte " + at
                        + " (echo of " + bytes.length + " bytes)");
            }
        }
    }
}
