package io.niows.spectests.run;

import io.niows.spectests.cases.FuzzCase;
import io.niows.spectests.deflate.DeflateParams;
import io.niows.spectests.peer.Role;
import io.niows.spectests.peer.SocketPeer;
import io.niows.spectests.peer.WireLog;
import io.niows.spectests.wire.ClientHandshake;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Autobahn's fuzzing client: one fresh TCP connection per case to a server under test,
 * several cases at a time; the performance cases (group 9) and the cases whose verdict
 * depends on timing run one at a time after the others, so that they do not compete for CPU. Thread-safe: {@link #run} may be called
 * from any thread; it uses its own pool and shuts it down.
 */
public final class FuzzingClient {
    private static final int CONNECT_TIMEOUT_MS = 5000;
    private static final int HANDSHAKE_TIMEOUT_MS = 10_000;

    private final URI url;
    private final String agent;
    private final int parallel;
    /** For a {@code wss://} target: accept any certificate for any name. */
    private final boolean insecure;

    public FuzzingClient(URI url, String agent, int parallel) {
        this(url, agent, parallel, false);
    }

    /**
     * @param url a {@code ws://} or {@code wss://} target
     * @param insecure for {@code wss://}: accept any certificate for any name, as a test server's
     *     self-signed one; otherwise the JDK's trust store and host-name check apply
     */
    public FuzzingClient(URI url, String agent, int parallel, boolean insecure) {
        this.url = url;
        this.agent = agent;
        this.parallel = Math.max(1, parallel);
        this.insecure = insecure;
    }

    /** Checks that the target accepts a TCP connection and a WebSocket upgrade. */
    public void probe() throws IOException {
        try (Socket s = connect()) {
            new ClientHandshake().perform(url, "niows-spec-tests probe", new BufferedInputStream(s.getInputStream()),
                    s.getOutputStream());
        }
    }

    /** Runs the cases; results come back in the given order; {@code onResult} sees each as it ends. */
    public List<CaseResult> run(List<FuzzCase> cases, Consumer<CaseResult> onResult) throws InterruptedException {
        List<FuzzCase> quick = new ArrayList<>();
        List<FuzzCase> timed = new ArrayList<>();
        for (FuzzCase c : cases) {
            (c.serial() ? timed : quick).add(c);
        }
        List<CaseResult> results = new ArrayList<>(runAll(quick, parallel, onResult));
        results.addAll(runAll(timed, 1, onResult));
        results.sort((a, b) -> FuzzCase.compareIds(a.id(), b.id()));
        return results;
    }

    private List<CaseResult> runAll(List<FuzzCase> cases, int threads, Consumer<CaseResult> onResult)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<CaseResult>> futures = new ArrayList<>();
            for (FuzzCase c : cases) {
                futures.add(pool.submit(() -> {
                    CaseResult r = runOne(c);
                    synchronized (onResult) {
                        onResult.accept(r);
                    }
                    return r;
                }));
            }
            List<CaseResult> out = new ArrayList<>();
            for (Future<CaseResult> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a case crashed the runner", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Connects, shakes hands (with the case's permessage-deflate offers, if any) and plays one case. */
    public CaseResult runOne(FuzzCase c) throws InterruptedException {
        ClientHandshake hs = new ClientHandshake();
        Socket socket = null;
        InputStream in;
        DeflateParams deflate;
        try {
            socket = connect();
            in = new BufferedInputStream(socket.getInputStream(), 65536);
            deflate = hs.perform(url, "niows-spec-tests/" + c.id(), in, socket.getOutputStream(),
                    c.deflate() == null ? List.of() : c.deflate().clientOffers());
            socket.setSoTimeout(0);
        } catch (IOException e) {
            if (socket != null) {
                closeQuietly(socket);
            }
            return CaseRunner.notOpened(c, agent, e.getMessage(), hs.request(), hs.response());
        }
        try {
            BufferedOutputStream out = new BufferedOutputStream(socket.getOutputStream(), 65536);
            SocketPeer peer = new SocketPeer(socket, in, out, Role.CLIENT, new WireLog(), "fuzz-read-" + c.id());
            return CaseRunner.run(c, agent, peer, hs.request(), hs.response(), deflate);
        } catch (IOException e) {
            closeQuietly(socket);
            return CaseRunner.notOpened(c, agent, e.getMessage(), hs.request(), hs.response());
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        boolean secure = "wss".equals(url.getScheme());
        try {
            s.setTcpNoDelay(true);
            int port = url.getPort() >= 0 ? url.getPort() : secure ? 443 : 80;
            s.connect(new InetSocketAddress(url.getHost(), port), CONNECT_TIMEOUT_MS);
            s.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
            return secure ? Tls.over(s, url.getHost(), port, insecure) : s;
        } catch (IOException e) {
            closeQuietly(s);
            throw e;
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // best effort on a connection that already failed
        }
    }
}
