package io.niows.examples.trace;

import io.niows.protocol.FrameTrace;
import io.niows.protocol.TracedFrame;
import io.niows.protocol.WireTrace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The {@code trace} tool: a relaying proxy between WebSocket clients and one target server that
 * prints every handshake head and frame going through it, one line each (or one JSON object),
 * with the TCP events that end each connection and which side closed first.
 *
 * <p>It relays bytes, not frames: every byte reaches the other side unchanged and in the same TCP
 * order, the client's masking keys and masked payload included, so nothing is re-masked and the
 * target sees exactly what the client sent (the {@code Host} and {@code Origin} headers too: they
 * name the proxy, not the target). Only the segmentation into TCP packets may differ. A proxy that
 * decoded and re-encoded frames would have to mask each client frame again with a key of its own
 * (RFC 6455 §5.3 asks for a fresh unpredictable key per frame), and the target would see other
 * bytes than the client sent.
 *
 * <p>One platform thread per direction of each connection, plus the accepting thread: a tool for
 * watching, not for load. <b>Thread-safety:</b> {@link #close} may be called from any thread; the
 * output consumer is called under one lock, so lines from concurrent connections never interleave.
 */
public final class TraceProxy implements AutoCloseable {

    private static final int BUFFER = 16 * 1024;

    private final ServerSocket listener;
    private volatile InetSocketAddress target;
    private final boolean json;
    private final Consumer<String> out;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile boolean closed;

    private TraceProxy(ServerSocket listener, InetSocketAddress target, boolean json, Consumer<String> out) {
        this.listener = listener;
        this.target = target;
        this.json = json;
        this.out = out;
        this.acceptor = new Thread(this::acceptLoop, "niows-trace-accept");
        acceptor.setDaemon(true);
    }

    /**
     * Listens and starts relaying.
     *
     * @param host the address to listen on
     * @param port the port, 0 for a free one
     * @param target the server, {@code ws://HOST:PORT/...}; only its host and port are used
     * @param json whether to print JSON objects instead of readable lines
     * @param out given each printed line
     * @return the running proxy
     * @throws IOException if it cannot listen
     */
    public static TraceProxy start(String host, int port, URI target, boolean json, Consumer<String> out)
            throws IOException {
        if (!"ws".equals(target.getScheme()) || target.getHost() == null) {
            throw new IllegalArgumentException("the target must be ws://HOST:PORT/: " + target);
        }
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        int targetPort = target.getPort() < 0 ? 80 : target.getPort();
        InetSocketAddress server = new InetSocketAddress(target.getHost(), targetPort);
        TraceProxy proxy = new TraceProxy(socket, server, json, out);
        proxy.acceptor.start();
        return proxy;
    }

    /**
     * Relays the connections accepted from now on to another server: for a target that can only
     * listen once the proxy's port is known (a test giving both the same port on two addresses).
     *
     * @param server the new target's address
     */
    public void retarget(InetSocketAddress server) {
        this.target = server;
    }

    /** {@return the port the proxy listens on} */
    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    print("accept failed: " + e.getMessage());
                }
                return;
            }
            relay(client, connections.incrementAndGet());
        }
    }

    private void relay(Socket client, int id) {
        open.add(client);
        Socket server = new Socket();
        InetSocketAddress to = target;
        try {
            server.connect(to, 5_000);
        } catch (IOException e) {
            print(id, "cannot reach the target " + to + ": " + e.getMessage(),
                    "{\"event\":\"tcp\",\"conn\":" + id + ",\"what\":\"target-unreachable\"}");
            closeQuietly(client);
            return;
        }
        open.add(server);
        print(id, "client connected; relaying to " + to.getHostString() + ":" + to.getPort(),
                "{\"event\":\"tcp\",\"conn\":" + id + ",\"what\":\"open\"}");
        Connection connection = new Connection(id, client, server);
        start(() -> connection.pump(true), "niows-trace-" + id + "-c2s");
        start(() -> connection.pump(false), "niows-trace-" + id + "-s2c");
    }

    private void start(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void print(String line) {
        synchronized (out) {
            out.accept(line);
        }
    }

    private void print(int id, String text, String jsonLine) {
        print(json ? jsonLine : "#" + id + " " + text);
    }

    /** Stops listening, drops every relayed connection and waits (briefly) for the relaying threads. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        try {
            acceptor.join(2_000);
            for (Thread thread : threads) {
                thread.join(2_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing on the way out: nothing more to do with it
        }
    }

    /** One relayed connection: its two sockets, the two directions' traces and who closed first. */
    private final class Connection implements FrameTrace {
        private final int id;
        private final Socket client;
        private final Socket server;
        private final WireTrace clientToServer;
        private final WireTrace serverToClient;
        private final AtomicBoolean oneSideDone = new AtomicBoolean();
        private final AtomicInteger directionsDone = new AtomicInteger();
        /** An error ended one direction and both sockets were closed: the other's error is ours. */
        private volatile boolean dropped;

        Connection(int id, Socket client, Socket server) {
            this.id = id;
            this.client = client;
            this.server = server;
            this.clientToServer = new WireTrace(this, TracedFrame.Direction.IN, true);
            this.serverToClient = new WireTrace(this, TracedFrame.Direction.OUT, true);
        }

        @Override
        public void onFrame(TracedFrame frame) {
            boolean c2s = frame.direction() == TracedFrame.Direction.IN;
            print(json ? FrameLines.json(frame, c2s).replaceFirst("\\{", "{\"conn\":" + id + ",")
                    : prefixed(FrameLines.text(frame, c2s)));
        }

        @Override
        public void onHandshake(TracedFrame.Direction direction, String head) {
            boolean c2s = direction == TracedFrame.Direction.IN;
            print(json ? FrameLines.headJson(head, c2s).replaceFirst("\\{", "{\"conn\":" + id + ",")
                    : prefixed(FrameLines.head(head, c2s)));
            String lower = head.toLowerCase(Locale.ROOT);
            if (c2s) {
                return;
            }
            if (!lower.startsWith("http/1.1 101")) {
                // Not an upgrade (a page, an icon, a refusal): what follows is HTTP, not frames.
                clientToServer.end();
                print(id, "\u2190 S2C not a WebSocket upgrade: the rest of this connection is relayed untraced",
                        "{\"conn\":" + id + ",\"event\":\"untraced\"}");
            } else if (lower.contains("permessage-deflate")) {
                clientToServer.inflateCompressed();
                serverToClient.inflateCompressed();
            }
        }

        private String prefixed(String lines) {
            return "#" + id + " " + lines.replace("\n", "\n#" + id + " ");
        }

        void pump(boolean c2s) {
            Socket from = c2s ? client : server;
            Socket to = c2s ? server : client;
            WireTrace trace = c2s ? clientToServer : serverToClient;
            String who = c2s ? "client" : "server";
            String dir = c2s ? "\u2192 C2S" : "\u2190 S2C";
            byte[] buffer = new byte[BUFFER];
            try {
                InputStream in = from.getInputStream();
                OutputStream onward = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    // Traced before it is relayed: a frame's line comes before the line of any answer to it.
                    trace.feed(ByteBuffer.wrap(buffer, 0, n));
                    onward.write(buffer, 0, n);
                }
                boolean first = oneSideDone.compareAndSet(false, true);
                print(id, dir + " TCP FIN: the " + who + " closed its side" + (first ? " first" : " too")
                        + " (\u00a77.1.1)",
                        "{\"conn\":" + id + ",\"event\":\"tcp\",\"what\":\"fin\",\"by\":\"" + who + "\",\"first\":"
                                + first + "}");
                to.shutdownOutput();
            } catch (IOException e) {
                ended(who, dir, e);
                directionsDone.incrementAndGet();
            } finally {
                trace.end();
                if (directionsDone.incrementAndGet() >= 2) {
                    closeQuietly(client);
                    closeQuietly(server);
                    open.remove(client);
                    open.remove(server);
                }
            }
        }

        private void ended(String who, String dir, IOException e) {
            if (closed || dropped) {
                return; // the proxy is closing, or the other direction's error dropped both sockets
            }
            dropped = true;
            boolean first = oneSideDone.compareAndSet(false, true);
            print(id, dir + " TCP ended by an error from the " + who + " side" + (first ? " first" : "") + ": "
                    + e.getMessage(), "{\"conn\":" + id + ",\"event\":\"tcp\",\"what\":\"error\",\"by\":\"" + who
                    + "\",\"first\":" + first + "}");
            closeQuietly(client);
            closeQuietly(server);
        }
    }
}
