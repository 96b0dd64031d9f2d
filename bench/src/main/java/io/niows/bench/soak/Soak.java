package io.niows.bench.soak;

import io.niows.bench.load.ServerProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The soak: a niows echo server in a child JVM, N connections of mixed traffic and chaos against
 * it (see {@link Step} and {@link Traffic}), every echo checked, and every reporting period one
 * line of the server's RSS, live heap, open fds and threads. From the end of the warm-up on, a
 * gauge past its {@link Growth} bound, or a wrong or lost echo, fails the run (exit status 1).
 *
 * <p>The server runs in a child JVM so that its figures are its own: the RSS, fds and threads of
 * the process that holds the client sockets and threads would mix the two. Live heap is read from
 * outside after a full GC ({@code jcmd GC.class_histogram}), as the comparison reads it.
 *
 * <p>Run from the command line, or through {@link #run} by one thread at a time.
 */
public final class Soak {

    private static final long POLL_MILLIS = 100;
    private static final long JOIN_SLACK_MILLIS = 10_000;

    private final SoakOptions options;
    private final PrintStream out;
    private final SoakTally tally = new SoakTally();
    private final List<ServerSample> samples = new ArrayList<>();

    private Soak(SoakOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        SoakOptions options;
        try {
            options = SoakOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(SoakOptions.USAGE);
            System.exit(2);
            return;
        }
        List<String> server = List.of("io.niows.bench.servers.ServerMain", "niows", Integer.toString(options.serverThreads));
        System.exit(run(options, "niows", server, System.out).passed() ? 0 : 1);
    }

    /**
     * Runs a soak against the server that {@code serverMainAndArgs} starts (a main class that prints
     * {@code LISTENING <port>} and echoes on {@code /}), printing its report to {@code out}.
     */
    static SoakResult run(SoakOptions options, String serverName, List<String> serverMainAndArgs, PrintStream out)
            throws IOException, InterruptedException {
        try (ServerProcess server = ServerProcess.launch(serverName, options.serverJvmFlags(), "", options.log,
                serverMainAndArgs)) {
            Thread hook = new Thread(server::close);
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                return new Soak(options, out).against(server);
            } finally {
                removeHook(hook);
            }
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it closes the server itself
        }
    }

    private SoakResult against(ServerProcess server) throws IOException, InterruptedException {
        printHeader(server);
        InetSocketAddress target = new InetSocketAddress("127.0.0.1", server.port());
        List<Thread> slots = new ArrayList<>();
        for (int i = 0; i < options.connections; i++) {
            Thread t = new Thread(new ChaosConnection(i, options.seed, target, tally, (int) options.timeout.toMillis(),
                    (int) options.pause.toMillis()), "soak-" + i);
            t.setDaemon(true);
            slots.add(t);
        }
        long start = System.nanoTime();
        slots.forEach(Thread::start);
        String verdict;
        try {
            verdict = report(server, start);
        } finally {
            tally.stop();
            join(slots);
        }
        String failure = verdict != null ? verdict : tally.failure();
        printVerdict(failure);
        return new SoakResult(failure, tally.echoes(), tally.pongs(), tally.connections(), tally.resets(),
                tally.halfCloses(), List.copyOf(samples));
    }

    /**
     * Samples the server every reporting period until the run ends, and returns why it failed: a
     * gauge past its bound, a failed connection, or null.
     */
    private String report(ServerProcess server, long start) throws IOException, InterruptedException {
        long duration = options.duration.toMillis();
        long period = options.report.toMillis();
        ServerSample base = null;
        for (long tick = period; ; tick += period) {
            long at = Math.min(tick, duration);
            if (!waitUntil(start, at) || !server.isAlive()) {
                return tally.failure() != null ? tally.failure() : "the server process ended";
            }
            ServerSample s = ServerSample.take(server.pid(), (System.nanoTime() - start) / 1_000_000);
            samples.add(s);
            if (base == null && at >= options.warmup.toMillis()) {
                base = s;
                out.println(line(s) + "  end of warm-up: bounds from here");
            } else {
                String passed = base == null ? null : boundPassed(base, s);
                out.println(line(s) + (passed == null ? "" : "  FAIL: " + passed));
                if (passed != null) {
                    return passed + " at " + elapsed(s.elapsedMillis());
                }
            }
            if (at >= duration) {
                return null;
            }
        }
    }

    /** Sleeps until {@code at} ms after {@code start}; false if a connection failed first. */
    private boolean waitUntil(long start, long at) throws InterruptedException {
        while (tally.failure() == null) {
            long left = at - (System.nanoTime() - start) / 1_000_000;
            if (left <= 0) {
                return true;
            }
            Thread.sleep(Math.min(left, POLL_MILLIS));
        }
        return false;
    }

    private String boundPassed(ServerSample base, ServerSample s) {
        for (Gauge g : Gauge.values()) {
            Growth growth = options.bounds.get(g);
            long limit = growth.limit(g.of(base));
            if (g.of(s) > limit) {
                return g.label() + " " + g.format(g.of(s)) + " is past its bound " + g.format(limit)
                        + " (" + g.format(g.of(base)) + " at the end of warm-up, " + growth.describe(g) + ")";
            }
        }
        return null;
    }

    /** Waits for every slot to finish its step and close; a slot that does not is a failure. */
    private void join(List<Thread> slots) throws InterruptedException {
        long deadline = System.currentTimeMillis() + options.timeout.toMillis() + JOIN_SLACK_MILLIS;
        for (Thread t : slots) {
            t.join(Math.max(1, deadline - System.currentTimeMillis()));
            if (t.isAlive()) {
                tally.fail(t.getName() + " did not finish within the timeout after the run ended");
            }
        }
    }

    private void printHeader(ServerProcess server) {
        out.println("soak: " + options.connections + " connections for " + human(options.duration)
                + ", report every " + human(options.report) + ", warm-up " + human(options.warmup)
                + ", seed " + options.seed + ", pause 0-" + options.pause.toMillis() + " ms between steps");
        out.println("server: " + server.name() + " (pid " + server.pid() + ", " + options.serverThreads + " loops, "
                + String.join(" ", options.serverJvmFlags()) + "), log " + options.log);
        StringBuilder bounds = new StringBuilder("bounds after warm-up:");
        for (Map.Entry<Gauge, Growth> e : options.bounds.entrySet()) {
            bounds.append(' ').append(e.getKey().label()).append(' ').append(e.getValue().describe(e.getKey())).append(';');
        }
        out.println(bounds.substring(0, bounds.length() - 1));
        out.println(String.format(Locale.ROOT, "%8s %11s %11s %8s %11s %11s %11s %6s %8s",
                "elapsed", "echoes", "connections", "resets", "half-closes", "RSS", "live heap", "fds", "threads"));
    }

    private String line(ServerSample s) {
        return String.format(Locale.ROOT, "%8s %,11d %,11d %,8d %,11d %11s %11s %6d %8d", elapsed(s.elapsedMillis()),
                tally.echoes(), tally.connections(), tally.resets(), tally.halfCloses(), Gauge.RSS.format(s.rss()),
                Gauge.HEAP.format(s.heap()), s.fds(), s.threads());
    }

    private void printVerdict(String failure) {
        String counts = String.format(Locale.ROOT, "%,d echoes (%,.1f MiB) and %,d pongs checked, %,d connections, "
                + "%,d resets, %,d half-closes", tally.echoes(), tally.echoBytes() / 1048576.0, tally.pongs(),
                tally.connections(), tally.resets(), tally.halfCloses());
        out.println(failure == null ? "PASS: " + counts : "FAIL: " + failure + "\n      " + counts);
    }

    private static String elapsed(long millis) {
        long seconds = millis / 1000;
        return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }

    /** A duration as the command line writes it: {@code 5m}, {@code 10s}, {@code 500ms}. */
    private static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 60_000 == 0 ? ms / 60_000 + "m" : ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
