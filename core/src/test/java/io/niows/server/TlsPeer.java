package io.niows.server;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * A TLS client made of an {@link SSLEngine} over a blocking socket, so a test controls every
 * ciphertext byte: it can write a record cut anywhere, see whether the server sent {@code
 * close_notify} before its FIN, and speak WebSocket over the plaintext like {@link RawClient}.
 * Not thread-safe: one test thread.
 */
final class TlsPeer implements AutoCloseable {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    final Socket socket;
    final SSLEngine ssl;
    private final OutputStream out;
    private final InputStream rawIn;
    private final ByteBuffer netIn = ByteBuffer.allocate(1 << 17);
    private final ByteBuffer appIn = ByteBuffer.allocate(1 << 17);
    /** Plaintext read through the engine. */
    final DataInputStream in = new DataInputStream(new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            appIn.flip();
            try {
                while (!appIn.hasRemaining()) {
                    appIn.compact();
                    if (!unwrapOnce()) {
                        appIn.flip();
                        return -1;
                    }
                    appIn.flip();
                }
                int n = Math.min(len, appIn.remaining());
                appIn.get(b, off, n);
                return n;
            } finally {
                appIn.compact();
            }
        }
    });
    private boolean eof;

    private TlsPeer(int port, SSLContext context, String host) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        rawIn = socket.getInputStream();
        ssl = context.createSSLEngine(host, port);
        ssl.setUseClientMode(true);
    }

    /** Connects and completes the TLS handshake. */
    static TlsPeer connect(int port, SSLContext context) throws IOException {
        TlsPeer p = new TlsPeer(port, context, "localhost");
        p.handshake();
        return p;
    }

    /** Connects with these protocols enabled (the TLS handshake not started). */
    static TlsPeer unstarted(int port, SSLContext context, String... protocols) throws IOException {
        TlsPeer p = new TlsPeer(port, context, "localhost");
        if (protocols.length > 0) {
            p.ssl.setEnabledProtocols(protocols);
        }
        return p;
    }

    /** Connects, completes the TLS handshake and the WebSocket opening handshake on {@code path}. */
    static TlsPeer open(int port, SSLContext context, String path) throws IOException {
        TlsPeer p = connect(port, context);
        p.write(RawClient.upgradeRequest(path).getBytes(StandardCharsets.ISO_8859_1));
        String head = p.readHead();
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("handshake refused: " + head);
        }
        return p;
    }

    void handshake() throws IOException {
        handshake(0);
    }

    /** The handshake, when the hello's first byte was already sent by hand (with {@link #sendRaw}). */
    void handshakeAfterFirstByte() throws IOException {
        handshake(1);
    }

    private void handshake(int alreadySent) throws IOException {
        ssl.beginHandshake();
        int skip = alreadySent;
        while (true) {
            switch (ssl.getHandshakeStatus()) {
                case NEED_WRAP -> {
                    byte[] records = wrap(EMPTY);
                    sendRaw(Arrays.copyOfRange(records, skip, records.length));
                    skip = 0;
                }
                case NEED_UNWRAP -> {
                    if (!unwrapOnce()) {
                        throw new EOFException("the server closed during the TLS handshake");
                    }
                }
                case NEED_TASK -> ssl.getDelegatedTask().run();
                default -> {
                    return;
                }
            }
        }
    }

    /** The records that carry {@code plain}, not written. */
    byte[] records(byte[] plain) throws SSLException {
        ByteBuffer src = ByteBuffer.wrap(plain);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        do {
            all.writeBytes(wrap(src));
        } while (src.hasRemaining());
        return all.toByteArray();
    }

    private byte[] wrap(ByteBuffer src) throws SSLException {
        ByteBuffer net = ByteBuffer.allocate(ssl.getSession().getPacketBufferSize());
        SSLEngineResult r = ssl.wrap(src, net);
        if (r.getStatus() != SSLEngineResult.Status.OK && r.getStatus() != SSLEngineResult.Status.CLOSED) {
            throw new SSLException("wrap: " + r);
        }
        net.flip();
        byte[] b = new byte[net.remaining()];
        net.get(b);
        return b;
    }

    /** Encrypts and writes {@code plain}. */
    void write(byte[] plain) throws IOException {
        sendRaw(records(plain));
    }

    /** Writes bytes as they are: records made by {@link #records}, or anything else. */
    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads and unwraps until some plaintext or a TLS closure arrives; false at the end of the stream. */
    private boolean unwrapOnce() throws IOException {
        while (true) {
            netIn.flip();
            SSLEngineResult r = ssl.unwrap(netIn, appIn);
            netIn.compact();
            if (r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                Runnable task;
                while ((task = ssl.getDelegatedTask()) != null) {
                    task.run();
                }
            }
            if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                return false;
            }
            boolean waits = ssl.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_UNWRAP;
            if (r.getStatus() == SSLEngineResult.Status.OK && (r.bytesProduced() > 0 || !waits)) {
                return true;
            }
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW || r.bytesConsumed() == 0) {
                int n = eof ? -1 : rawIn.read(netIn.array(), netIn.position(), netIn.remaining());
                if (n < 0) {
                    eof = true;
                    return false;
                }
                netIn.position(netIn.position() + n);
            }
        }
    }

    /** Reads an HTTP response head through its blank line. */
    String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("closed in the response head: " + head);
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    RawClient.Frame readFrame() throws IOException {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        long n = b1 & 0x7F;
        if (n == 126) {
            n = in.readUnsignedShort();
        } else if (n == 127) {
            n = in.readLong();
        }
        byte[] payload = new byte[(int) n];
        in.readFully(payload);
        return new RawClient.Frame(b0 & 0x0F, (b0 & 0x80) != 0, payload);
    }

    /**
     * Reads to the end of the TLS stream; {@return whether it ended with the server's
     * close_notify} (false: TCP ended without it).
     */
    boolean endsWithCloseNotify() throws IOException {
        try {
            while (in.read() >= 0) {
                // plaintext after the close is not expected; read on to the end
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server neither closed TLS nor TCP within 10 s", e);
        }
        return ssl.isInboundDone();
    }

    /** Whether the server ended the TCP connection (end of stream or reset) within the read timeout. */
    boolean serverClosedTcp() {
        try {
            while (rawIn.read() >= 0) {
                // alerts, the close_notify: read on to the end
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
