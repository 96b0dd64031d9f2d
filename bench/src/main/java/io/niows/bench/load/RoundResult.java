package io.niows.bench.load;

/**
 * The figures of one round of one workload against one server. Throughput rounds fill the rate,
 * latency and CPU fields; idle rounds fill the memory fields. Latencies are in microseconds, CPU
 * in cores (CPU seconds per wall second), memory in bytes per held connection: live heap (after a
 * full GC) and resident set growth, which with a pre-touched heap is the memory outside the heap;
 * and the server's whole resident set while it held them.
 *
 * <p>Immutable and thread-safe.
 */
record RoundResult(
        String server, String workload, int round,
        double messagesPerSecond, double bytesPerSecond,
        double p50Micros, double p99Micros, double p999Micros,
        double toolCpuCores, double busiestToolThread, double serverCpuCores,
        int connections, int failed, int stalled, int errors, long lost,
        double heapPerConnection, double rssPerConnection, double rssHeldBytes) {

    /** A load thread this busy (fraction of one core) means the tool, not the server, may be the limit. */
    static final double SATURATED = 0.90;

    boolean toolSaturated() {
        return busiestToolThread >= SATURATED;
    }
}
