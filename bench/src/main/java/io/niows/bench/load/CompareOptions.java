package io.niows.bench.load;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of {@link Compare}, with its defaults.
 *
 * <p>Immutable once parsed; thread-safe.
 */
final class CompareOptions {

    int rounds = 3;
    double seconds = 3;
    double warmup = 1;
    Path out = Path.of("bench/results");
    List<String> servers = List.of("niows", "netty", "netty-example", "jetty", "java-websocket", "floor");
    String reference = "niows";
    List<String> only = List.of();
    int clientThreads = Math.min(2, Runtime.getRuntime().availableProcessors());
    int serverThreads = Runtime.getRuntime().availableProcessors();
    int idleConnections = 10_000;
    double idleHold = 2;
    String heap = "512m";
    String serverCpus = "";

    static final String USAGE = String.join("\n",
            "usage: Compare [--rounds N] [--seconds S] [--warmup S] [--out DIR]",
            "               [--servers niows,netty,netty-example,jetty,java-websocket,floor] [--reference niows]",
            "               [--only workload-id,...] [--client-threads N] [--server-threads N]",
            "               [--idle-connections N] [--idle-hold S] [--heap 512m] [--server-cpus LIST]");

    static CompareOptions parse(String... args) {
        CompareOptions o = new CompareOptions();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + args[i] + "\n" + USAGE);
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--rounds": o.rounds = Integer.parseInt(v); break;
                case "--seconds": o.seconds = Double.parseDouble(v); break;
                case "--warmup": o.warmup = Double.parseDouble(v); break;
                case "--out": o.out = Path.of(v); break;
                case "--servers": o.servers = Arrays.asList(v.split(",")); break;
                case "--reference": o.reference = v; break;
                case "--only": o.only = Arrays.asList(v.split(",")); break;
                case "--client-threads": o.clientThreads = Integer.parseInt(v); break;
                case "--server-threads": o.serverThreads = Integer.parseInt(v); break;
                case "--idle-connections": o.idleConnections = Integer.parseInt(v); break;
                case "--idle-hold": o.idleHold = Double.parseDouble(v); break;
                case "--heap": o.heap = v; break;
                case "--server-cpus": o.serverCpus = v; break;
                default: throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return o;
    }

    /** The JVM flags every server process gets, identical for all. */
    List<String> serverJvmFlags() {
        return List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC");
    }

    /**
     * The flags of the idle-memory servers: the same, with the heap touched at start, so that the
     * growth of the resident set while connections are held is the memory outside the heap
     * (direct buffers, malloc, metadata) and the heap is measured apart, as live bytes.
     */
    List<String> idleJvmFlags() {
        List<String> flags = new java.util.ArrayList<>(serverJvmFlags());
        flags.add("-XX:+AlwaysPreTouch");
        return flags;
    }

    boolean selected(Workload w) {
        return only.isEmpty() || only.contains(w.id());
    }
}
