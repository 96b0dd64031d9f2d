package io.niows.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The medians of every (workload, server) pair over its rounds, and each server's ratio to the
 * reference server (niows): for throughput, reference ÷ server (above 1 means the reference is
 * faster); for memory, server ÷ reference of live heap plus RSS outside the heap (above 1 means
 * the server uses more).
 *
 * <p>Immutable once built; thread-safe.
 */
final class Summary {

    /** The medians of one workload against one server. */
    record Row(String workload, String server, boolean idle, double rate, double bytesRate, double p50, double p99,
            double p999, double toolCpu, double serverCpu, boolean saturated, int failed, int stalled, int errors,
            long lost, double heapPerConnection, double rssPerConnection, double rssHeld, double ratio) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final String reference;

    Summary(List<RoundResult> results, String reference) {
        Map<String, Map<String, List<RoundResult>>> grouped = new LinkedHashMap<>();
        for (RoundResult r : results) {
            grouped.computeIfAbsent(r.workload(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.server(), k -> new ArrayList<>()).add(r);
        }
        this.reference = reference;
        grouped.forEach((workload, byServer) -> {
            List<RoundResult> ref = byServer.get(reference);
            byServer.forEach((server, rounds) -> rows.add(row(workload, server, rounds, ref)));
        });
    }

    List<Row> rows() {
        return rows;
    }

    String reference() {
        return reference;
    }

    private static Row row(String workload, String server, List<RoundResult> rounds, List<RoundResult> ref) {
        boolean idle = workload.startsWith("idle");
        double rate = median(rounds, RoundResult::messagesPerSecond);
        double rss = median(rounds, RoundResult::rssPerConnection);
        double heap = median(rounds, RoundResult::heapPerConnection);
        double ratio = Double.NaN;
        if (ref != null) {
            ratio = idle ? (heap + rss) / (median(ref, RoundResult::heapPerConnection) + median(ref, RoundResult::rssPerConnection))
                    : median(ref, RoundResult::messagesPerSecond) / rate;
        }
        return new Row(workload, server, idle, rate, median(rounds, RoundResult::bytesPerSecond),
                median(rounds, RoundResult::p50Micros), median(rounds, RoundResult::p99Micros),
                median(rounds, RoundResult::p999Micros), median(rounds, RoundResult::toolCpuCores),
                median(rounds, RoundResult::serverCpuCores),
                median(rounds, RoundResult::busiestToolThread) >= RoundResult.SATURATED,
                rounds.stream().mapToInt(RoundResult::failed).sum(), rounds.stream().mapToInt(RoundResult::stalled).sum(),
                rounds.stream().mapToInt(RoundResult::errors).sum(), rounds.stream().mapToLong(RoundResult::lost).sum(),
                heap, rss, median(rounds, RoundResult::rssHeldBytes), ratio);
    }

    static double median(List<RoundResult> rounds, ToDoubleFunction<RoundResult> f) {
        double[] v = rounds.stream().mapToDouble(f).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** A round that could not run: NaN figures, every connection failed. */
    static RoundResult failedRound(String server, Workload w, int round) {
        double nan = Double.NaN;
        return new RoundResult(server, w.name(), round, nan, nan, nan, nan, nan, nan, nan, nan,
                0, w.connections(), 0, 1, 0, nan, nan, nan);
    }

    private static String ratio(double r) {
        return Double.isFinite(r) ? String.format(Locale.ROOT, "%.2f", r) : "n/a";
    }

    /** One round as a progress line. */
    static String line(RoundResult r) {
        if (r.workload().startsWith("idle")) {
            return String.format(Locale.ROOT, "%-15s round %d: %d conns, live heap %.0f B/conn, RSS outside heap %.0f B/conn, RSS held %.1f MB,"
                    + " failed %d", r.server(), r.round(), r.connections(), r.heapPerConnection(), r.rssPerConnection(),
                    r.rssHeldBytes() / 1e6, r.failed());
        }
        return String.format(Locale.ROOT,
                "%-15s round %d: %,12.0f msg/s %9.1f MB/s  p50 %8.1f p99 %8.1f p99.9 %8.1f us  cpu tool %.2f%s server %.2f"
                        + "  failed %d stalled %d errors %d lost %d",
                r.server(), r.round(), r.messagesPerSecond(), r.bytesPerSecond() / 1e6, r.p50Micros(), r.p99Micros(),
                r.p999Micros(), r.toolCpuCores(), r.toolSaturated() ? "*" : "", r.serverCpuCores(), r.failed(),
                r.stalled(), r.errors(), r.lost());
    }

    /** The medians as Markdown tables: throughput first, then idle memory. */
    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| workload | server | msg/s | MB/s | p50 µs | p99 µs | p99.9 µs | CPU tool | CPU server | ")
                .append(reference).append(" ÷ server | failed/stalled/errors/lost |\n");
        sb.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (Row r : rows) {
            if (!r.idle()) {
                sb.append(String.format(Locale.ROOT,
                        "| %s | %s | %,.0f | %.1f | %.1f | %.1f | %.1f | %.2f%s | %.2f | %s | %d/%d/%d/%d |\n",
                        r.workload(), r.server(), r.rate(), r.bytesRate() / 1e6, r.p50(), r.p99(), r.p999(),
                        r.toolCpu(), r.saturated() ? "*" : "", r.serverCpu(), ratio(r.ratio()), r.failed(), r.stalled(),
                        r.errors(), r.lost()));
            }
        }
        sb.append("\n| workload | server | live heap B/conn | RSS outside heap B/conn | sum B/conn | server ÷ ")
                .append(reference).append(" | RSS held MB | failed |\n|---|---|--:|--:|--:|--:|--:|--:|\n");
        for (Row r : rows) {
            if (r.idle()) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %s | %.1f | %d |\n",
                        r.workload(), r.server(), r.heapPerConnection(), r.rssPerConnection(),
                        r.heapPerConnection() + r.rssPerConnection(), ratio(r.ratio()), r.rssHeld() / 1e6, r.failed()));
            }
        }
        return sb.toString();
    }
}
