package io.niows.bench.load;

import java.util.List;

/**
 * One row of the comparison: its kind, how many connections, how big each message is, how many
 * echoes each connection keeps in flight (echo) or how many publishers send (broadcast).
 *
 * <p>Immutable and thread-safe.
 */
record Workload(String name, Kind kind, int connections, int size, int depth) {

    /** What the connections do. */
    enum Kind { ECHO, BROADCAST, IDLE }

    /** The workloads of the issue, in the order the report lists them. */
    static List<Workload> standard(int idleConnections) {
        return List.of(
                new Workload("echo 1 conn 16 B", Kind.ECHO, 1, 16, 1),
                new Workload("echo 100 conn 16 B", Kind.ECHO, 100, 16, 1),
                new Workload("echo 1000 conn 16 B", Kind.ECHO, 1000, 16, 1),
                new Workload("echo 100 conn 16 B x8 in flight", Kind.ECHO, 100, 16, 8),
                new Workload("echo 100 conn 4 KiB", Kind.ECHO, 100, 4096, 1),
                new Workload("echo 10 conn 1 MiB", Kind.ECHO, 10, 1 << 20, 1),
                new Workload("broadcast 1000 subs 16 B", Kind.BROADCAST, 1000, 16, 1),
                new Workload("broadcast 1000 subs 1 KiB", Kind.BROADCAST, 1000, 1024, 1),
                new Workload("idle " + idleConnections + " conn", Kind.IDLE, idleConnections, 0, 0));
    }

    /** A short name for JSON keys and command-line selection. */
    String id() {
        return name.replace(" conn", "c").replace(" subs", "s").replace(" in flight", "")
                .replace(" ", "-").toLowerCase(java.util.Locale.ROOT);
    }
}
