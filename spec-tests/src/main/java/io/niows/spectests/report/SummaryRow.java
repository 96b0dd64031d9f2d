package io.niows.spectests.report;

import io.niows.spectests.cases.Verdict;
import io.niows.spectests.run.CaseResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The table that opens the HTML report: one row with the agent, the date the run started (its
 * first case, UTC), the number of cases, the count of each behaviour verdict (zero included, so a
 * reader sees "FAILED 0" rather than nothing) and the closing verdicts that occurred.
 * Stateless; safe from any thread.
 */
final class SummaryRow {
    /** The verdicts Autobahn gives a case's behaviour, in the order the row shows them. */
    static final List<Verdict> BEHAVIOURS = List.of(Verdict.OK, Verdict.NON_STRICT, Verdict.INFORMATIONAL,
            Verdict.UNIMPLEMENTED, Verdict.FAILED);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private SummaryRow() {
    }

    static void append(StringBuilder sb, String agent, List<CaseResult> results) {
        Map<Verdict, Integer> behaviour = counts(results, true);
        Map<Verdict, Integer> closing = counts(results, false);
        sb.append("<table class=summary>\n<tr><th>agent</th><th>date</th><th>cases</th>");
        for (Verdict v : BEHAVIOURS) {
            sb.append("<th>").append(v.label()).append("</th>");
        }
        sb.append("<th>closing behaviour</th></tr>\n<tr class=summary-row><td>").append(HtmlReport.esc(agent))
                .append("</td><td>").append(started(results)).append("</td><td>").append(results.size())
                .append("</td>");
        for (Verdict v : BEHAVIOURS) {
            int n = behaviour.getOrDefault(v, 0);
            sb.append("<td").append(n > 0 ? " class=" + HtmlReport.css(v) : "").append('>').append(n).append("</td>");
        }
        StringJoiner close = new StringJoiner(", ");
        closing.forEach((v, n) -> close.add(v.label() + " " + n));
        sb.append("<td>").append(close).append("</td></tr>\n</table>\n");
    }

    private static Map<Verdict, Integer> counts(List<CaseResult> results, boolean behaviour) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (CaseResult r : results) {
            counts.merge(behaviour ? r.behavior() : r.behaviorClose(), 1, Integer::sum);
        }
        return counts;
    }

    /** When the earliest case started, as {@code 2026-12-03 07:55 UTC}; empty when no case says. */
    static String started(List<CaseResult> results) {
        Instant first = null;
        for (CaseResult r : results) {
            Instant t = instant(r.started());
            if (t != null && (first == null || t.isBefore(first))) {
                first = t;
            }
        }
        return first == null ? "" : DATE.format(first);
    }

    private static Instant instant(String iso) {
        try {
            return iso == null ? null : Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
