package io.niows.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs the side-by-side load comparison: every server in its own JVM, every throughput workload
 * in alternating short rounds (A B C D E A B C D E ..., or an order drawn anew each round with
 * {@code --random-order}) so that a noisy neighbour hurts them all alike, then the idle-memory
 * workload in a fresh JVM per server; prints the medians and writes
 * {@code results.json} and {@code comparison.svg}. With {@code --deflate} every connection offers
 * permessage-deflate and requires it, and messages are compressed chat-like JSON text (see
 * {@link LoadRound}). A bad command line runs nothing: it prints what is wrong and the usage
 * (every server and workload id) and exits with status 2.
 *
 * <p>Run from the command line; not for use by other threads.
 */
public final class Compare {

    /** The exit status of a bad command line or an output folder that cannot be made. */
    static final int BAD_ARGUMENTS = 2;

    private final CompareOptions options;
    private final RunLabel label;
    private final List<RoundResult> results = new ArrayList<>();
    private final Map<String, ServerProcess> running = new LinkedHashMap<>();
    private final Random random = new Random();

    private Compare(CompareOptions options) {
        this.options = options;
        this.label = RunLabel.of(options);
    }

    public static void main(String[] args) throws Exception {
        CompareOptions options;
        try {
            options = CompareOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(CompareOptions.usage());
            System.exit(BAD_ARGUMENTS);
            return;
        }
        if (options.help) {
            System.out.println(CompareOptions.usage());
            return;
        }
        try {
            Files.createDirectories(options.out);
        } catch (IOException e) {
            System.err.println("error: cannot make the --out folder " + options.out + ": " + e);
            System.exit(BAD_ARGUMENTS);
            return;
        }
        Compare compare = new Compare(options);
        Runtime.getRuntime().addShutdownHook(new Thread(compare::stopServers));
        try {
            compare.run();
        } finally {
            compare.stopServers();
        }
    }

    private void run() throws IOException, InterruptedException {
        System.out.println(Machine.describe());
        System.out.println("run: " + label.text());
        System.out.println("servers: " + options.servers + ", JVM flags " + options.serverJvmFlags()
                + ", " + options.serverThreads + " server threads on CPUs "
                + (options.serverCpus.isEmpty() ? "any" : options.serverCpus) + ", " + options.clientThreads
                + " load threads on CPUs " + Machine.allowedCpus()
                + (options.deflate ? "; permessage-deflate offered and required" : "")
                + (options.randomOrder ? "; servers in a random order each round" : ""));
        List<Workload> workloads = new ArrayList<>();
        for (Workload w : Workload.standard(options.idleConnections)) {
            if (options.selected(w)) {
                workloads.add(w);
            }
        }
        for (Workload w : workloads) {
            if (w.kind() != Workload.Kind.IDLE) {
                throughput(w);
            }
        }
        for (Workload w : workloads) {
            if (w.kind() == Workload.Kind.IDLE) {
                idle(w);
            }
        }
        Summary summary = new Summary(results, options.reference);
        System.out.println();
        System.out.println(summary.markdown());
        Reports.write(options, label, summary, results);
        System.out.println("wrote " + options.out.resolve("results.json") + " and " + options.out.resolve("comparison.svg"));
    }

    /**
     * The order of the servers in one round: as given, or shuffled with {@code --random-order}
     * (strict alternation can lock a host's periodic noise onto one server; see the seam's A/A runs).
     */
    private List<String> order() {
        if (!options.randomOrder) {
            return options.servers;
        }
        List<String> order = new ArrayList<>(options.servers);
        Collections.shuffle(order, random);
        System.out.println("   order: " + String.join(", ", order));
        return order;
    }

    private void throughput(Workload w) throws IOException, InterruptedException {
        System.out.println("== " + w.name());
        for (int round = 1; round <= options.rounds; round++) {
            for (String name : order()) {
                ServerProcess server = server(name, options.serverJvmFlags());
                RoundResult r;
                try {
                    r = new LoadRound(w, server, options.clientThreads, options.deflate)
                            .throughput(round, (long) (options.warmup * 1000), (long) (options.seconds * 1000));
                } catch (IOException e) {
                    System.out.println("   " + name + " round " + round + " FAILED: " + e.getMessage());
                    r = Summary.failedRound(name, w, round);
                    stop(name);
                }
                results.add(r);
                System.out.println("   " + Summary.line(r));
            }
        }
    }

    /**
     * Idle memory, in alternating rounds like the rest, each in a fresh JVM: a small warm-up cycle
     * loads classes and compiles the upgrade path, then the baseline, then the held connections.
     * A fresh JVM per round because a server may keep closed connections' state for a while (one
     * peer kept about 2 KB of each for a whole cycle), which a reused JVM would count as freed.
     */
    private void idle(Workload w) throws IOException, InterruptedException {
        int warm = Math.max(1, Math.min(1000, w.connections() / 10));
        System.out.println("== " + w.name() + " (a fresh JVM per server and round, heap pre-touched; " + warm
                + " connections opened and closed first)");
        stopServers();
        long hold = (long) (options.idleHold * 1000);
        Workload warmUp = new Workload("idle warm-up", Workload.Kind.IDLE, warm, 0, 0);
        for (int round = 1; round <= options.rounds; round++) {
            for (String name : order()) {
                ServerProcess server = server(name, options.idleJvmFlags());
                try {
                    new LoadRound(warmUp, server, options.clientThreads, options.deflate).idle(0, 0);
                    Thread.sleep(1000);
                    RoundResult r = new LoadRound(w, server, options.clientThreads, options.deflate).idle(round, hold);
                    results.add(r);
                    System.out.println("   " + Summary.line(r));
                } catch (IOException e) {
                    System.out.println("   " + name + " round " + round + " FAILED: " + e.getMessage());
                    results.add(Summary.failedRound(name, w, round));
                }
                stop(name);
            }
        }
    }

    private ServerProcess server(String name, List<String> jvmFlags) throws IOException, InterruptedException {
        ServerProcess s = running.get(name);
        if (s == null || !s.isAlive()) {
            Path log = options.out.resolve("logs").resolve(name + ".log");
            s = ServerProcess.start(name, jvmFlags, options.serverThreads, options.serverCpus, log);
            running.put(name, s);
        }
        return s;
    }

    private synchronized void stop(String name) {
        ServerProcess s = running.remove(name);
        if (s != null) {
            s.close();
        }
    }

    private synchronized void stopServers() {
        for (String name : new ArrayList<>(running.keySet())) {
            stop(name);
        }
    }
}
