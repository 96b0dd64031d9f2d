package io.niows.spectests.report;

import io.niows.spectests.cases.FuzzCase;
import io.niows.spectests.cases.Verdict;
import io.niows.spectests.run.CaseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The regression gate's file: one line per case, {@code <id> <behavior> <behaviorClose>},
 * verdicts spelled as in index.json with spaces written as '_' (e.g. {@code 6.4.1 NON-STRICT OK},
 * {@code 7.9.1 OK WRONG_CODE}); '#' starts a comment. Durations are not part of it.
 * Stateless; safe from any thread.
 */
public final class ExpectedResults {
    private ExpectedResults() {
    }

    /** Reads a file into id -> [behavior, behaviorClose]. */
    public static Map<String, Verdict[]> read(Path file) throws IOException {
        Map<String, Verdict[]> m = new TreeMap<>(FuzzCase::compareIds);
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\\s+");
            if (f.length != 3) {
                throw new IOException(file + ":" + n + ": expected '<case> <behavior> <behaviorClose>'");
            }
            m.put(f[0], new Verdict[] {parse(f[1]), parse(f[2])});
        }
        return m;
    }

    /** Writes results in the file's format. */
    public static String format(List<CaseResult> results) {
        StringBuilder sb = new StringBuilder("# case behavior behaviorClose (written by niows-spec-tests)\n");
        for (CaseResult r : results) {
            sb.append(r.id()).append(' ').append(word(r.behavior())).append(' ').append(word(r.behaviorClose()))
                    .append('\n');
        }
        return sb.toString();
    }

    /** Differences between a run and the expectations, one readable line each; empty when equal. */
    public static List<String> diff(Map<String, Verdict[]> expected, List<CaseResult> results) {
        List<String> out = new ArrayList<>();
        for (CaseResult r : results) {
            Verdict[] e = expected.get(r.id());
            if (e == null) {
                out.add(r.id() + ": not in the expected file (got " + word(r.behavior()) + " " + word(r.behaviorClose()) + ")");
            } else if (e[0] != r.behavior() || e[1] != r.behaviorClose()) {
                out.add(r.id() + ": expected " + word(e[0]) + " " + word(e[1]) + ", got " + word(r.behavior()) + " "
                        + word(r.behaviorClose()));
            }
        }
        return out;
    }

    private static String word(Verdict v) {
        return v.label().replace(' ', '_');
    }

    private static Verdict parse(String word) {
        return Verdict.parse(word.replace('_', ' '));
    }
}
