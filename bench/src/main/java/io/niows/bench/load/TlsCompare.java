package io.niows.bench.load;

import io.niows.WebSocket;
import io.niows.WebSocketClient;
import io.niows.WebSocketHandler;
import io.niows.bench.servers.TlsServerMain;
import io.niows.protocol.PerMessageDeflate;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS comparison: {@code wss://} echo and handshake rates, and memory per idle connection,
 * of niows, Netty ({@code SslHandler}, JDK provider) and Jetty ({@code SslContextFactory}, JDK
 * provider), each server in its own JVM ({@link TlsServerMain}), driven by the niows client over
 * TLS 1.3 with {@code TLS_AES_128_GCM_SHA256} only (the client's offer decides the suite for every
 * server) and without permessage-deflate (the client offers none, so no server compresses: before,
 * niows and Jetty, which accept it by default, compressed and Netty did not). Usage:
 *
 * <pre>
 * taskset -c 0 java -cp bench/target/benchmarks.jar io.niows.bench.load.TlsCompare \
 *     [--server-cpus 1] [--rounds 3] [--seconds 5] [--idle 10000] [--out DIR]
 * </pre>
 *
 * <p>Workloads: {@code echo-100c-4-kib} and {@code echo-10c-1-mib} (each connection sends a
 * message and sends the next when its echo arrives), {@code handshakes-100c} (100 clients, each
 * connecting, handshaking, echoing 16 bytes and closing, over and over), {@code idle} (RSS and live
 * heap per open idle connection, plain and TLS). Prints one line per round and the medians, and
 * writes them to {@code DIR/summary.md}. A process entry point: run once from {@code main}.
 */
public final class TlsCompare {

    private static final List<String> RATE_SERVERS = List.of("niows", "netty", "jetty");
    private static final List<String> IDLE_SERVERS = List.of("niows-plain", "niows", "netty-plain", "netty");
    private static final List<String> HEAP = List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC");

    private String serverCpus = "";
    private int rounds = 3;
    private int seconds = 5;
    private int idle = 10_000;
    private Path out = Path.of("bench", "results-tls");
    private Path keystore;
    private final List<String> lines = new ArrayList<>();

    private TlsCompare() {
    }

    public static void main(String[] args) throws Exception {
        TlsCompare c = new TlsCompare();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--server-cpus" -> c.serverCpus = args[i + 1];
                case "--rounds" -> c.rounds = Integer.parseInt(args[i + 1]);
                case "--seconds" -> c.seconds = Integer.parseInt(args[i + 1]);
                case "--idle" -> c.idle = Integer.parseInt(args[i + 1]);
                case "--out" -> c.out = Path.of(args[i + 1]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        c.run();
        System.exit(0);
    }

    private void run() throws Exception {
        Files.createDirectories(out);
        keystore = out.resolve("bench-server.p12");
        keytool(keystore);
        try {
            say("# TLS comparison: TLS 1.3, TLS_AES_128_GCM_SHA256, JDK " + System.getProperty("java.version")
                    + ", server CPUs '" + serverCpus + "', " + rounds + " rounds of " + seconds + " s, median shown");
            rates("echo-100c-4-kib", s -> echo(s, 100, 4 << 10));
            rates("echo-10c-1-mib", s -> echo(s, 10, 1 << 20));
            rates("handshakes-100c", this::handshakes);
            idleMemory();
        } finally {
            Files.deleteIfExists(keystore);
        }
        Files.write(out.resolve("summary.md"), lines, StandardCharsets.UTF_8);
    }

    private void say(String line) {
        System.out.println(line);
        lines.add(line);
    }

    /** One measured round: operations per second and the server's CPU seconds per second. */
    private record Rate(double perSecond, double serverCpu) {
        double perCpuSecond() {
            return perSecond / serverCpu;
        }
    }

    private interface Workload {
        Rate run(ServerProcess server) throws Exception;
    }

    private void rates(String name, Workload workload) throws Exception {
        Map<String, List<Rate>> all = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (String server : RATE_SERVERS) {
                try (ServerProcess s = start(server)) {
                    Rate r = workload.run(s);
                    all.computeIfAbsent(server, k -> new ArrayList<>()).add(r);
                    say(String.format("%s round %d %-6s %10.0f /s  server CPU %.2f s/s  %10.0f per server CPU-second",
                            name, round, server, r.perSecond(), r.serverCpu(), r.perCpuSecond()));
                }
            }
        }
        double niowsRate = median(all.get("niows"), Rate::perSecond);
        double niowsPerCpu = median(all.get("niows"), Rate::perCpuSecond);
        say("");
        say("| " + name + " | per second | per server CPU-second | niows / this, per second | per CPU-second |");
        say("|---|---|---|---|---|");
        for (Map.Entry<String, List<Rate>> e : all.entrySet()) {
            double rate = median(e.getValue(), Rate::perSecond);
            double perCpu = median(e.getValue(), Rate::perCpuSecond);
            say(String.format("| %s | %.0f | %.0f | %.2f | %.2f |", e.getKey(), rate, perCpu, niowsRate / rate,
                    niowsPerCpu / perCpu));
        }
        say("");
    }

    private static double median(List<Rate> rates, java.util.function.ToDoubleFunction<Rate> f) {
        double[] v = rates.stream().mapToDouble(f).sorted().toArray();
        return v[v.length / 2];
    }

    private ServerProcess start(String server) throws IOException, InterruptedException {
        return ServerProcess.launch(server, HEAP, serverCpus, out.resolve("logs").resolve(server + ".log"),
                List.of(TlsServerMain.class.getName(), server, "1", keystore.toString(), "changeit"));
    }

    private static WebSocketClient client() throws Exception {
        SSLParameters params = new SSLParameters();
        params.setProtocols(new String[] {"TLSv1.3"});
        params.setCipherSuites(new String[] {"TLS_AES_128_GCM_SHA256"});
        return WebSocketClient.builder().loops(1).perMessageDeflate(PerMessageDeflate.disabled())
                .tls(trustingAll()).tlsParameters(params).verifyHostname(false)
                .maxMessageSize(16 << 20).maxFrameSize(16 << 20).build();
    }

    private static URI uri(ServerProcess server, boolean tls) {
        return URI.create((tls ? "wss" : "ws") + "://127.0.0.1:" + server.port() + "/");
    }

    private Rate echo(ServerProcess server, int connections, int size) throws Exception {
        ByteBuffer payload = ByteBuffer.wrap(new byte[size]).asReadOnlyBuffer();
        AtomicLong echoes = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        WebSocketHandler handler = new WebSocketHandler() {
            @Override
            public void onOpen(WebSocket ws) {
                ws.sendBinary(payload.duplicate());
            }

            @Override
            public void onBinary(WebSocket ws, ByteBuffer data) {
                echoes.incrementAndGet();
                if (running.get()) {
                    ws.sendBinary(payload.duplicate());
                }
            }
        };
        try (WebSocketClient client = client()) {
            List<CompletableFuture<WebSocket>> opened = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                opened.add(client.connect(uri(server, true), handler));
            }
            for (CompletableFuture<WebSocket> f : opened) {
                f.get(60, TimeUnit.SECONDS);
            }
            return measure(server, echoes, () -> running.set(false));
        }
    }

    private Rate handshakes(ServerProcess server) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        try (WebSocketClient client = client()) {
            URI uri = uri(server, true);
            WebSocketHandler handler = new WebSocketHandler() {
                @Override
                public void onOpen(WebSocket ws) {
                    ws.sendBinary(ByteBuffer.wrap(new byte[16]));
                }

                @Override
                public void onBinary(WebSocket ws, ByteBuffer data) {
                    ws.close(1000, "");
                }

                @Override
                public void onClose(WebSocket ws, int code, String reason, boolean remote) {
                    done.incrementAndGet();
                    if (running.get()) {
                        again(client, uri, this, failed, running);
                    }
                }
            };
            for (int i = 0; i < 100; i++) {
                again(client, uri, handler, failed, running);
            }
            Rate r = measure(server, done, () -> running.set(false));
            if (failed.get() > 0) {
                say("  (" + failed.get() + " connects failed during the round)");
            }
            return r;
        }
    }

    private static void again(WebSocketClient client, URI uri, WebSocketHandler handler, AtomicLong failed,
            AtomicBoolean running) {
        client.connect(uri, handler).whenComplete((ws, e) -> {
            if (e != null) {
                failed.incrementAndGet();
                if (running.get()) {
                    again(client, uri, handler, failed, running);
                }
            }
        });
    }

    /** Waits two seconds of warm-up, then counts {@code seconds} of work and the server's CPU time. */
    private Rate measure(ServerProcess server, AtomicLong count, Runnable stop) throws InterruptedException {
        Thread.sleep(2000);
        long c0 = count.get();
        long cpu0 = CpuClock.ofPid(server.pid());
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long c1 = count.get();
        long cpu1 = CpuClock.ofPid(server.pid());
        long t1 = System.nanoTime();
        stop.run();
        double secs = (t1 - t0) / 1e9;
        return new Rate((c1 - c0) / secs, (cpu1 - cpu0) / 1e9 / secs);
    }

    private void idleMemory() throws Exception {
        say("| idle connections: " + idle + " | RSS per connection | live heap per connection |");
        say("|---|---|---|");
        for (String server : IDLE_SERVERS) {
            try (ServerProcess s = start(server); WebSocketClient client = client()) {
                Thread.sleep(1000);
                long heap0 = MemoryProbe.liveHeap(s.pid());
                long rss0 = MemoryProbe.rss(s.pid());
                Semaphore window = new Semaphore(200);
                List<CompletableFuture<WebSocket>> opened = new ArrayList<>();
                WebSocketHandler nothing = new WebSocketHandler() { };
                for (int i = 0; i < idle; i++) {
                    window.acquire();
                    CompletableFuture<WebSocket> f = client.connect(uri(s, !server.endsWith("-plain")), nothing);
                    f.whenComplete((ws, e) -> window.release());
                    opened.add(f);
                }
                for (CompletableFuture<WebSocket> f : opened) {
                    f.get(120, TimeUnit.SECONDS);
                }
                Thread.sleep(2000);
                long heap1 = MemoryProbe.liveHeap(s.pid());
                long rss1 = MemoryProbe.rss(s.pid());
                say(String.format("| %s | %d B | %d B |", server, (rss1 - rss0) / idle, (heap1 - heap0) / idle));
            }
        }
        say("");
    }

    private static void keytool(Path keystore) throws IOException, InterruptedException {
        Files.deleteIfExists(keystore);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }

    /** The bench's own throwaway certificate is trusted as it is: no trust store holds it. */
    private static SSLContext trustingAll() throws Exception {
        TrustManager any = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // the bench trusts its own certificate
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // as above
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {any}, null);
        return context;
    }
}
