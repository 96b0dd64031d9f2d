package io.niows.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

/**
 * Writes a comparison's results: {@code results.json} (settings, every round, the medians) and
 * {@code comparison.svg} (see {@link SvgChart}). JSON is written by hand: the bench has no JSON
 * library and needs none.
 *
 * <p>Stateless and thread-safe.
 */
final class Reports {

    private Reports() {
    }

    static void write(CompareOptions o, RunLabel label, Summary summary, List<RoundResult> rounds) throws IOException {
        Files.createDirectories(o.out);
        Files.writeString(o.out.resolve("results.json"), json(o, label, summary, rounds), StandardCharsets.UTF_8);
        Files.writeString(o.out.resolve("comparison.svg"), SvgChart.render(summary, label), StandardCharsets.UTF_8);
        Files.writeString(o.out.resolve("summary.md"), summary.markdown(), StandardCharsets.UTF_8);
    }

    private static String json(CompareOptions o, RunLabel label, Summary summary, List<RoundResult> rounds) {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"machine\": ").append(str(Machine.describe())).append(",\n");
        sb.append("  \"run\": {\"placement\": ").append(str(label.placement())).append(", \"date\": ")
                .append(str(label.date().toString())).append(", \"commit\": ").append(str(label.commit())).append("},\n");
        sb.append("  \"settings\": {\"rounds\": ").append(o.rounds).append(", \"seconds\": ").append(num(o.seconds))
                .append(", \"warmup\": ").append(num(o.warmup)).append(", \"serverThreads\": ").append(o.serverThreads)
                .append(", \"clientThreads\": ").append(o.clientThreads)
                .append(", \"deflate\": ").append(o.deflate)
                .append(", \"randomOrder\": ").append(o.randomOrder)
                .append(", \"toolCpus\": ").append(str(Machine.allowedCpus()))
                .append(", \"serverCpus\": ").append(str(o.serverCpus.isEmpty() ? "any" : o.serverCpus))
                .append(", \"serverJvmFlags\": ")
                .append(str(String.join(" ", o.serverJvmFlags()))).append(", \"reference\": ")
                .append(str(summary.reference())).append("},\n");
        sb.append("  \"medians\": [\n");
        List<Summary.Row> rows = summary.rows();
        for (int i = 0; i < rows.size(); i++) {
            sb.append("    ").append(object(rows.get(i).toString())).append(i + 1 < rows.size() ? ",\n" : "\n");
        }
        sb.append("  ],\n  \"rounds\": [\n");
        for (int i = 0; i < rounds.size(); i++) {
            sb.append("    ").append(object(rounds.get(i).toString())).append(i + 1 < rounds.size() ? ",\n" : "\n");
        }
        return sb.append("  ]\n}\n").toString();
    }

    /** Turns a record's {@code toString()}, {@code Name[a=1, b=x]}, into a JSON object. */
    static String object(String record) {
        String body = record.substring(record.indexOf('[') + 1, record.length() - 1);
        StringBuilder sb = new StringBuilder("{");
        String[] parts = body.split(", (?=[a-zA-Z0-9]+=)");
        for (int i = 0; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            String key = parts[i].substring(0, eq);
            String value = parts[i].substring(eq + 1);
            sb.append(str(key)).append(": ").append(value(value)).append(i + 1 < parts.length ? ", " : "");
        }
        return sb.append('}').toString();
    }

    private static String value(String v) {
        if (v.equals("true") || v.equals("false")) {
            return v;
        }
        try {
            return num(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return str(v);
        }
    }

    static String num(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "null";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.4f", d);
    }

    static String str(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
