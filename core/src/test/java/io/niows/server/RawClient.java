package io.niows.server;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

/**
 * A blocking test client on a plain socket that can send anything, malformed frames included,
 * with its own tiny frame codec (independent of the engine under test). Not thread-safe.
 */
final class RawClient implements AutoCloseable {

    static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    final Socket socket;
    final OutputStream out;
    final DataInputStream in;

    RawClient(int port) throws IOException {
        this(port, 0);
    }

    /** Connects with a receive buffer of {@code receiveBuffer} bytes (0: the system's), set before the handshake of TCP. */
    RawClient(int port, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
    }

    static String upgradeRequest(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    }

    /** Connects and completes a handshake on {@code path}. */
    static RawClient open(int port, String path) throws IOException {
        return open(port, path, 10_000);
    }

    /** Connects and completes a handshake on {@code path}, every read waiting at most {@code timeoutMillis}. */
    static RawClient open(int port, String path, int timeoutMillis) throws IOException {
        return open(new RawClient(port), path, timeoutMillis);
    }

    /** Completes a handshake on {@code path} over {@code c}, every read waiting at most {@code timeoutMillis}. */
    static RawClient open(RawClient c, String path, int timeoutMillis) throws IOException {
        c.socket.setSoTimeout(timeoutMillis);
        c.send(upgradeRequest(path).getBytes(StandardCharsets.ISO_8859_1));
        String head = c.readHead();
        if (!head.startsWith("HTTP/1.1 101")) {
            c.close();
            throw new IOException("handshake refused: " + head);
        }
        return c;
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Starts a thread named {@code name} that sends {@code count} frames, {@code frame.apply(i)}
     * for each i from 0, while the test reads; join it before closing. A failed send ends it.
     */
    Thread sendInBackground(String name, int count, IntFunction<byte[]> frame) {
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    send(frame.apply(i));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, name);
        writer.start();
        return writer;
    }

    /** Reads an HTTP response head, through its blank line. */
    String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed in the response head: " + head);
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads the whole response (head and body) until the server closes. */
    String readToEnd() throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** A client frame: masked with a random key unless {@code masked} is false. */
    static byte[] frame(int b0, byte[] payload, boolean masked) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(b0);
        int maskBit = masked ? 0x80 : 0;
        int n = payload.length;
        if (n < 126) {
            f.write(maskBit | n);
        } else if (n < 65536) {
            f.write(maskBit | 126);
            f.write(n >>> 8);
            f.write(n);
        } else {
            f.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                f.write((int) ((long) n >>> shift));
            }
        }
        byte[] key = new byte[4];
        ThreadLocalRandom.current().nextBytes(key);
        if (masked) {
            f.write(key, 0, 4);
        }
        for (int i = 0; i < n; i++) {
            f.write(masked ? payload[i] ^ key[i & 3] : payload[i]);
        }
        return f.toByteArray();
    }

    /** A payload of {@code size} bytes (at least 4) that says which it is: {@code index}, then its low byte over and over. */
    static byte[] numbered(int index, int size) {
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putInt(index);
        while (b.hasRemaining()) {
            b.put((byte) index);
        }
        return b.array();
    }

    static byte[] text(String s) {
        return frame(0x81, s.getBytes(StandardCharsets.UTF_8), true);
    }

    static byte[] close(int code, String reason) {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        byte[] p = new byte[2 + r.length];
        p[0] = (byte) (code >>> 8);
        p[1] = (byte) code;
        System.arraycopy(r, 0, p, 2, r.length);
        return frame(0x88, p, true);
    }

    /** A frame the server sent. */
    record Frame(int opcode, boolean fin, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return payload.length < 2 ? 1005 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
    }

    Frame readFrame() throws IOException {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        if ((b1 & 0x80) != 0) {
            throw new IOException("server frames must not be masked");
        }
        long n = b1 & 0x7F;
        if (n == 126) {
            n = in.readUnsignedShort();
        } else if (n == 127) {
            n = in.readLong();
        }
        byte[] payload = new byte[(int) n];
        in.readFully(payload);
        return new Frame(b0 & 0x0F, (b0 & 0x80) != 0, payload);
    }

    /** Whether the server closed TCP: the next read sees end of stream (or a reset). */
    boolean serverClosedTcp() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    InputStream input() {
        return in;
    }

    /** Drops the connection with a TCP reset. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
