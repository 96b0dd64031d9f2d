package io.niows.examples.blocking;

import io.niows.examples.EchoServer;
import io.niows.protocol.EngineConfig;
import io.niows.protocol.EngineListener;
import io.niows.protocol.FrameSink;
import io.niows.protocol.HandshakeAnswer;
import io.niows.protocol.WebSocketEngine;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An echo server on plain blocking {@link Socket}s, one platform thread per connection, driving
 * niows' sans-I/O {@link WebSocketEngine}: every text and binary message, on any path, is sent
 * back as it came, up to {@value EchoServer#MAX_MESSAGE_SIZE} bytes. The whole of RFC 6455 is in
 * the engine; this class only moves bytes. {@link Connection#run} is the loop to read first; the
 * {@linkplain io.niows.examples.blocking package description} walks through it.
 *
 * <p>Thread-safe: {@link #port} and {@link #close} may be called from any thread. Each
 * connection's engine is touched by that connection's thread alone.
 */
public final class BlockingEchoServer implements Closeable {

    private static final System.Logger LOG = System.getLogger("io.niows.examples");
    /** Bytes read at a time; the engine leaves at most 13 of them (an unfinished frame header) unconsumed. */
    private static final int READ_BUFFER_SIZE = 64 * 1024;
    /** Frames written in one receive() leave in one socket write when they fit. */
    private static final int WRITE_BUFFER_SIZE = 64 * 1024;
    /** A connection silent this long is dropped (no close frame: the simplest idle limit). */
    private static final int IDLE_TIMEOUT_MILLIS = 60_000;
    /** How long to wait for the peer's FIN once this side has sent its own. */
    private static final int CLOSE_TIMEOUT_MILLIS = 5_000;
    /** How long {@link #close} waits for all threads together. */
    private static final long STOP_TIMEOUT_MILLIS = 5_000;
    private static final long ACCEPT_RETRY_MILLIS = 100;
    private static final EngineConfig CONFIG = EngineConfig.server()
            .withMaxFrameSize(EchoServer.MAX_MESSAGE_SIZE)
            .withMaxMessageSize(EchoServer.MAX_MESSAGE_SIZE);

    private final ServerSocket listener;
    private final Thread acceptor;
    /** The open connections and their threads; a thread removes its own when it ends. */
    private final Map<Socket, Thread> connections = new ConcurrentHashMap<>();

    private BlockingEchoServer(ServerSocket listener) {
        this.listener = listener;
        this.acceptor = new Thread(this::acceptConnections, "blocking-echo-acceptor");
    }

    /**
     * Listens and starts accepting.
     *
     * @param host the address to listen on
     * @param port the port, or 0 for any free one
     * @return the running server; close it to stop
     * @throws IOException if it cannot listen there
     */
    public static BlockingEchoServer start(String host, int port) throws IOException {
        BlockingEchoServer server = new BlockingEchoServer(new ServerSocket(port, 0, InetAddress.getByName(host)));
        server.acceptor.start();
        return server;
    }

    /** The port it listens on. */
    public int port() {
        return listener.getLocalPort();
    }

    /**
     * Stops accepting and drops every connection at once, without a close frame (a thread blocked
     * in a read cannot be asked to send one); waits up to 5 s in all for the threads to end.
     */
    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the listening socket", e);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_TIMEOUT_MILLIS);
        join(acceptor, deadline);
        connections.keySet().forEach(BlockingEchoServer::closeQuietly);
        connections.values().forEach(thread -> join(thread, deadline));
    }

    private void acceptConnections() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Thread thread = new Thread(() -> serve(socket), "blocking-echo-" + socket.getPort());
                connections.put(socket, thread);
                thread.start();
            } catch (IOException e) {
                if (!listener.isClosed() && !retryLater(e)) {
                    return;
                }
            }
        }
    }

    /** An accept failed though the listener is open (out of file descriptors, say): pause, then retry. */
    private static boolean retryLater(IOException e) {
        LOG.log(Level.WARNING, "accept failed; retrying in " + ACCEPT_RETRY_MILLIS + " ms: " + e);
        try {
            Thread.sleep(ACCEPT_RETRY_MILLIS);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            new Connection(socket).run();
        } catch (IOException | UncheckedIOException e) {
            // Reset by the peer, silent too long, or closed by close(): the connection is over.
            LOG.log(Level.DEBUG, "connection from " + socket.getRemoteSocketAddress() + " ended: " + e);
        } finally {
            connections.remove(socket);
        }
    }

    /** One connection: its socket, its engine, and the loop between them. Its thread's alone. */
    private static final class Connection implements EngineListener, FrameSink {

        private final Socket socket;
        private final BufferedOutputStream out;
        private final WritableByteChannel toSocket;
        private final WebSocketEngine engine;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = new BufferedOutputStream(socket.getOutputStream(), WRITE_BUFFER_SIZE);
            this.toSocket = Channels.newChannel(out);
            this.engine = WebSocketEngine.server(CONFIG, request -> HandshakeAnswer.accept(null), this, this);
        }

        void run() throws IOException {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            InputStream in = socket.getInputStream();
            ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER_SIZE);
            try {
                int n;
                while ((n = in.read(buffer.array(), buffer.position(), buffer.remaining())) >= 0) {
                    buffer.position(buffer.position() + n).flip();
                    engine.receive(buffer);
                    buffer.compact();
                    out.flush();
                    if (engine.transportShouldClose() && !socket.isOutputShutdown()) {
                        socket.shutdownOutput();
                        socket.setSoTimeout(CLOSE_TIMEOUT_MILLIS);
                    }
                }
            } finally {
                engine.transportClosed();
            }
        }

        /** The engine's bytes: the handshake answer, frames; buffered until the read is handled. */
        @Override
        public void write(ByteBuffer frame) {
            try {
                toSocket.write(frame);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void onText(String text) {
            engine.sendText(text);
        }

        @Override
        public void onBinary(ByteBuffer data) {
            engine.sendBinary(data);
        }

        @Override
        public void onPing(ByteBuffer payload) {
            // the engine has written the pong
        }

        @Override
        public void onPong(ByteBuffer payload) {
            // unsolicited or not, nothing to do
        }

        @Override
        public void onCloseReceived(int code, String reason) {
            // the engine has written the echoing close frame; transportShouldClose() is true now
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing a connection", e);
        }
    }

    private static void join(Thread thread, long deadlineNanos) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        try {
            thread.join(Math.max(1, left));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
