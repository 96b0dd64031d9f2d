package io.niows.spectests;

import io.niows.spectests.cases.CaseCatalog;
import io.niows.spectests.cases.Verdict;
import io.niows.spectests.run.CaseResult;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Console output: one line per case and a table by group and verdict. Stateless. */
final class Summary {
    private Summary() {
    }

    static String line(CaseResult r) {
        String code = r.remoteCloseCode() == null ? "-" : String.valueOf(r.remoteCloseCode());
        return String.format("%-9s %-13s close %-16s code %-5s %6d ms", r.id(), r.behavior().label(),
                r.behaviorClose().label(), code, r.durationMillis());
    }

    static void print(List<CaseResult> results, PrintStream out) {
        Map<Integer, Map<Verdict, Integer>> byGroup = new TreeMap<>();
        Map<Verdict, Integer> total = new TreeMap<>();
        int failed = 0;
        for (CaseResult r : results) {
            int g = Integer.parseInt(r.id().split("\\.")[0]);
            byGroup.computeIfAbsent(g, k -> new TreeMap<>()).merge(r.behavior(), 1, Integer::sum);
            total.merge(r.behavior(), 1, Integer::sum);
            failed += r.failed() ? 1 : 0;
        }
        out.println();
        out.println("group                 cases  verdicts");
        byGroup.forEach((g, counts) -> out.printf("%-3d %-18s %5d  %s%n", g,
                CaseCatalog.CATEGORIES.getOrDefault(String.valueOf(g), "Misc"),
                counts.values().stream().mapToInt(Integer::intValue).sum(), counts(counts)));
        out.printf("all                    %5d  %s%n", results.size(), counts(total));
        out.println(failed == 0 ? "no case failed" : failed + " case(s) failed (behavior FAILED or close FAILED/UNCLEAN)");
    }

    private static String counts(Map<Verdict, Integer> counts) {
        StringBuilder sb = new StringBuilder();
        counts.forEach((v, n) -> sb.append(v.label()).append('=').append(n).append("  "));
        return sb.toString().strip();
    }
}
