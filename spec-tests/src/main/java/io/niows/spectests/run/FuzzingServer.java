package io.niows.spectests.run;

import io.niows.spectests.cases.FuzzCase;
import io.niows.spectests.deflate.DeflateParams;
import io.niows.spectests.deflate.ServerAccept;
import io.niows.spectests.engine.FuzzSession;
import io.niows.spectests.engine.SessionListener;
import io.niows.spectests.peer.Role;
import io.niows.spectests.peer.SocketPeer;
import io.niows.spectests.peer.WireLog;
import io.niows.spectests.report.ReportWriter;
import io.niows.spectests.wire.ServerHandshake;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Autobahn's fuzzing server: a client under test connects to {@code /getCaseCount} (answered
 * with the number of selected cases as a text message), to {@code /runCase?case=N&agent=A}
 * once per case (N from 1; the fuzzer plays case N with the roles reversed), and to
 * {@code /updateReports?agent=A} to have the reports written. The same case catalogue and
 * judge as the fuzzing client run here. For a case of groups 12 and 13 the client's
 * permessage-deflate offers are answered by the case's rule ({@link ServerAccept}); a malformed
 * offer is refused with 400, as Autobahn does, and the case is recorded as never opened.
 *
 * <p>A case's result is judged after its connection is closed, so the client under test may ask
 * for {@code /updateReports} before the result of its last case exists; the report waits for the
 * agent's running cases to end (each is bounded by its case time limit).
 *
 * <p>Thread-safe: one thread accepts, one thread per connection runs it; results are kept in
 * concurrent maps, and the count of running cases per agent under a private lock.
 */
public final class FuzzingServer implements AutoCloseable {
    private static final String SERVER_NAME = "niows-spec-tests";
    private final List<FuzzCase> cases;
    private final Path outDir;
    private final Consumer<CaseResult> onResult;
    private final Map<String, Map<String, CaseResult>> results = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final Map<String, Integer> running = new HashMap<>(); // guarded by lock
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Thread> connectionThreads = ConcurrentHashMap.newKeySet();
    private final ServerSocket listener;
    private final Thread acceptor;

    /** Binds to 127.0.0.1 (or all interfaces when {@code loopbackOnly} is false) and starts accepting. */
    public FuzzingServer(int port, boolean loopbackOnly, List<FuzzCase> cases, Path outDir,
            Consumer<CaseResult> onResult) throws IOException {
        this.cases = List.copyOf(cases);
        this.outDir = outDir;
        this.onResult = onResult;
        this.listener = new ServerSocket();
        listener.bind(loopbackOnly ? new InetSocketAddress(InetAddress.getLoopbackAddress(), port)
                : new InetSocketAddress(port));
        this.acceptor = new Thread(this::acceptLoop, "fuzzing-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Results so far, by agent then case id (a copy). */
    public Map<String, List<CaseResult>> results() {
        Map<String, List<CaseResult>> copy = new TreeMap<>();
        results.forEach((agent, byCase) -> {
            List<CaseResult> list = new ArrayList<>(byCase.values());
            list.sort((a, b) -> FuzzCase.compareIds(a.id(), b.id()));
            copy.put(agent, list);
        });
        return copy;
    }

    /** Writes the reports of every agent, each in {@code outDir/<agent>/}. */
    public void writeReports() throws IOException {
        for (Map.Entry<String, List<CaseResult>> e : results().entrySet()) {
            ReportWriter.write(outDir.resolve(io.niows.spectests.report.ReportNames.clean(e.getKey())),
                    e.getKey(), e.getValue());
        }
    }

    /**
     * Waits until no case of {@code agent} is being played, then writes the reports of every
     * agent. A case ends by its time limit at the latest.
     */
    public void writeReportsAfterRunningCasesOf(String agent) throws IOException, InterruptedException {
        synchronized (lock) {
            while (running.getOrDefault(agent, 0) > 0) {
                lock.wait();
            }
        }
        writeReports();
    }

    /** Stops accepting, drops every open connection and waits for their threads to end. */
    @Override
    public void close() {
        try {
            listener.close();
            acceptor.join(2000);
            open.forEach(FuzzingServer::closeQuietly);
            for (Thread t : connectionThreads) {
                t.join(2000);
            }
        } catch (IOException ignored) {
            // already closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                open.add(s);
                Thread t = new Thread(() -> {
                    try {
                        serve(s);
                    } finally {
                        open.remove(s);
                        connectionThreads.remove(Thread.currentThread());
                    }
                }, "fuzzing-server-conn");
                t.setDaemon(true);
                connectionThreads.add(t);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        ServerHandshake hs = new ServerHandshake();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
            BufferedOutputStream out = new BufferedOutputStream(socket.getOutputStream(), 65536);
            hs.read(in, out);
            Map<String, String> q = query(hs.target().getRawQuery());
            FuzzCase theCase = hs.target().getPath().equals("/runCase") ? caseOf(q) : null;
            if (theCase != null) {
                runCase(socket, in, out, hs, agentOf(q), theCase);
                return;
            }
            hs.accept(out, SERVER_NAME, null);
            socket.setSoTimeout(0);
            SocketPeer peer = new SocketPeer(socket, in, out, Role.SERVER, new WireLog(), "fuzz-server-read");
            switch (hs.target().getPath()) {
                case "/getCaseCount" -> control(peer, String.valueOf(cases.size()));
                case "/updateReports" -> {
                    // the handshake answer must not wait for the agent's running case: the
                    // client's opening handshake would time out; only the close waits
                    out.flush();
                    writeReportsAfterRunningCasesOf(agentOf(q));
                    control(peer, null);
                }
                default -> control(peer, null);
            }
        } catch (IOException e) {
            closeQuietly(socket);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(socket);
        }
    }

    private FuzzCase caseOf(Map<String, String> q) {
        try {
            int n = Integer.parseInt(q.getOrDefault("case", "0"));
            return n >= 1 && n <= cases.size() ? cases.get(n - 1) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Answers the opening handshake as the case negotiates, then plays it (or records why it never opened). */
    private void runCase(Socket socket, InputStream in, BufferedOutputStream out, ServerHandshake hs, String agent,
            FuzzCase theCase) throws IOException, InterruptedException {
        synchronized (lock) {
            running.merge(agent, 1, Integer::sum);
        }
        try {
            ServerAccept.Accepted accepted;
            try {
                ServerAccept rule = theCase.deflate() == null ? ServerAccept.of() : theCase.deflate().serverAccept();
                accepted = rule.negotiate(hs.extensions());
            } catch (IllegalArgumentException e) {
                hs.refuse(out, "bad permessage-deflate offer: " + e.getMessage());
                closeQuietly(socket);
                record(CaseRunner.notOpened(theCase, agent, "the client's permessage-deflate offer is malformed: "
                        + e.getMessage(), hs.request(), hs.response()));
                return;
            }
            hs.accept(out, SERVER_NAME, accepted == null ? null : accepted.responseHeader());
            DeflateParams deflate = accepted == null ? null : accepted.params();
            socket.setSoTimeout(0);
            SocketPeer peer = new SocketPeer(socket, in, out, Role.SERVER, new WireLog(), "fuzz-server-read");
            record(CaseRunner.run(theCase, agent, peer, hs.request(), hs.response(), deflate));
        } finally {
            synchronized (lock) {
                running.merge(agent, -1, Integer::sum);
                lock.notifyAll();
            }
        }
    }

    private void record(CaseResult r) {
        results.computeIfAbsent(r.agent(), a -> new ConcurrentHashMap<>()).put(r.id(), r);
        onResult.accept(r);
    }

    private static String agentOf(Map<String, String> query) {
        return query.getOrDefault("agent", "UnknownClient");
    }

    /** Answers a control connection: an optional text message, then the closing handshake. */
    private static void control(SocketPeer peer, String message) throws InterruptedException {
        FuzzSession s = new FuzzSession(peer);
        s.listener(new SessionListener() {
            @Override
            public void onMessage(byte[] payload, boolean binary) {
            }

            @Override
            public void onPing(byte[] payload) {
            }

            @Override
            public void onPong(byte[] payload) {
            }
        });
        try {
            if (message != null) {
                s.sendMessage(message.getBytes(StandardCharsets.UTF_8), false, 0);
            }
            s.sendClose(1000, null);
            s.run(System.nanoTime() + 5_000_000_000L);
        } finally {
            peer.close();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // the connection is being abandoned
        }
    }
}
