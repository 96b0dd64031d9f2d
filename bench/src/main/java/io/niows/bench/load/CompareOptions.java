package io.niows.bench.load;

import io.niows.bench.servers.ServerMain;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of {@link Compare}, with its defaults. Every bad argument (an unknown option, a
 * missing or malformed value, a server or workload id that does not exist) is refused before
 * anything runs, with an {@link IllegalArgumentException} whose message names what is accepted.
 *
 * <p>Not thread-safe while parsed; read-only afterwards.
 */
final class CompareOptions {

    int rounds = 3;
    double seconds = 3;
    double warmup = 1;
    Path out = Path.of("bench/results");
    List<String> servers = ServerMain.SERVERS;
    String reference = "niows";
    List<String> only = List.of();
    int clientThreads = Math.min(2, Runtime.getRuntime().availableProcessors());
    int serverThreads = Runtime.getRuntime().availableProcessors();
    int idleConnections = 10_000;
    double idleHold = 2;
    String heap = "512m";
    String serverCpus = "";
    boolean deflate;
    boolean randomOrder;
    boolean help;
    private boolean serversGiven;

    /** The command line, with every server id and every workload id (at the default idle count). */
    static String usage() {
        return String.join("\n",
                "usage: Compare [--rounds N] [--seconds S] [--warmup S] [--out DIR]",
                "               [--servers ID,...] [--reference ID] [--only WORKLOAD,...]",
                "               [--client-threads N] [--server-threads N] [--server-cpus LIST]",
                "               [--idle-connections N] [--idle-hold S] [--heap SIZE] [--deflate] [--random-order]",
                "               [--help]",
                "server ids:   " + String.join(", ", ServerMain.SERVERS) + " (default: all, in this order;",
                "              with --deflate: " + String.join(", ", ServerMain.DEFLATE_SERVERS) + ")",
                "workload ids: " + String.join(", ", workloadIds(10_000))
                        + " (default: all; the idle id follows --idle-connections)",
                "See bench/README.md for what each option sets; exit status 2 for a bad argument.");
    }

    static CompareOptions parse(String... args) {
        CompareOptions o = new CompareOptions();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                o.help = true;
                continue;
            }
            if (name.equals("--deflate")) {
                o.deflate = true;
                continue;
            }
            if (name.equals("--random-order")) {
                o.randomOrder = true;
                continue;
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException("missing value for " + name);
            }
            o.set(name, args[++i]);
        }
        if (!o.help) {
            o.check();
        }
        return o;
    }

    private void set(String name, String v) {
        switch (name) {
            case "--rounds": rounds = whole(name, v, 1); break;
            case "--seconds": seconds = decimal(name, v, false); break;
            case "--warmup": warmup = decimal(name, v, true); break;
            case "--out": out = path(name, v); break;
            case "--servers": servers = ids(name, v); serversGiven = true; break;
            case "--reference": reference = v; break;
            case "--only": only = ids(name, v); break;
            case "--client-threads": clientThreads = whole(name, v, 1); break;
            case "--server-threads": serverThreads = whole(name, v, 1); break;
            case "--idle-connections": idleConnections = whole(name, v, 1); break;
            case "--idle-hold": idleHold = decimal(name, v, true); break;
            case "--heap": heap = matching(name, v, "[0-9]+[kKmMgG]?", "a JVM size such as 512m or 1g"); break;
            case "--server-cpus": serverCpus = matching(name, v, "[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*",
                    "a CPU list for taskset -c, such as 1 or 0,2-3"); break;
            default: throw new IllegalArgumentException("unknown option " + name + "; --help lists the options");
        }
    }

    /** The checks that need every option: ids against the lists they name. */
    private void check() {
        List<String> unknownServers = unknown(servers, ServerMain.SERVERS);
        if (!unknownServers.isEmpty()) {
            throw new IllegalArgumentException("unknown server id(s) " + String.join(", ", unknownServers)
                    + " in --servers; valid ids: " + String.join(", ", ServerMain.SERVERS));
        }
        if (deflate && !serversGiven) {
            servers = ServerMain.DEFLATE_SERVERS;
        }
        List<String> plainOnly = unknown(servers, deflate ? ServerMain.DEFLATE_SERVERS : ServerMain.SERVERS);
        if (!plainOnly.isEmpty()) {
            throw new IllegalArgumentException("--deflate: " + String.join(", ", plainOnly)
                    + " speaks no permessage-deflate; servers that do: "
                    + String.join(", ", ServerMain.DEFLATE_SERVERS));
        }
        if (!servers.contains(reference)) {
            throw new IllegalArgumentException("--reference " + reference + " is not among the servers run ("
                    + String.join(", ", servers) + "); the ratios are computed against it");
        }
        List<String> workloads = workloadIds(idleConnections);
        List<String> unknownWorkloads = unknown(only, workloads);
        if (!unknownWorkloads.isEmpty()) {
            throw new IllegalArgumentException("unknown workload id(s) " + String.join(", ", unknownWorkloads)
                    + " in --only; valid ids: " + String.join(", ", workloads));
        }
    }

    /** The ids {@code --only} accepts: those of {@link Workload#standard}, in the report's order. */
    static List<String> workloadIds(int idleConnections) {
        List<String> ids = new ArrayList<>();
        for (Workload w : Workload.standard(idleConnections)) {
            ids.add(w.id());
        }
        return ids;
    }

    private static List<String> unknown(List<String> given, List<String> valid) {
        List<String> bad = new ArrayList<>(given);
        bad.removeAll(valid);
        return bad;
    }

    /** A comma-separated list of ids: none empty, none twice. */
    private static List<String> ids(String name, String v) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : v.split(",", -1)) {
            String t = id.trim();
            if (t.isEmpty()) {
                throw new IllegalArgumentException(name + " has an empty id: " + v);
            }
            if (!ids.add(t)) {
                throw new IllegalArgumentException(name + " names " + t + " twice");
            }
        }
        return List.copyOf(ids);
    }

    private static int whole(String name, String v, int min) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with what is accepted
        }
        throw new IllegalArgumentException(name + " needs a whole number of at least " + min + ", not " + v);
    }

    private static double decimal(String name, String v, boolean zeroAllowed) {
        try {
            double d = Double.parseDouble(v.trim());
            if (Double.isFinite(d) && (d > 0 || zeroAllowed && d == 0)) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with what is accepted
        }
        throw new IllegalArgumentException(name + " needs a number of seconds " + (zeroAllowed ? "of 0 or more" : "above 0")
                + ", not " + v);
    }

    private static String matching(String name, String v, String regex, String what) {
        if (!v.matches(regex)) {
            throw new IllegalArgumentException(name + " needs " + what + ", not " + v);
        }
        return v;
    }

    private static Path path(String name, String v) {
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(name + " is not a path: " + v);
        }
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
        List<String> flags = new ArrayList<>(serverJvmFlags());
        flags.add("-XX:+AlwaysPreTouch");
        return flags;
    }

    boolean selected(Workload w) {
        return only.isEmpty() || only.contains(w.id());
    }

    /** Whether every server runs on CPUs of its own ({@code --server-cpus}), apart from the tool. */
    boolean pinned() {
        return !serverCpus.isEmpty();
    }
}
