package io.niows.architecture;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The committed list of package edges: those the design allows, and those it forbids but today's
 * code still has (known debts, each deleted by the change that removes it). Checks a set of
 * actual edges against it.
 *
 * <p>The text form: {@code #} starts a comment; a line {@code [allowed]} or {@code [debt]} opens a
 * section; every other non-blank line is {@code from -> to  # why}, and the why is required.
 *
 * <p>Immutable once read; safe to share between threads.
 */
final class AllowedPackageEdges {

    private static final String ALLOWED_SECTION = "[allowed]";
    private static final String DEBT_SECTION = "[debt]";
    private static final String COMMENT = "#";

    private final Set<PackageEdge> allowed;
    private final Set<PackageEdge> debts;

    private AllowedPackageEdges(Set<PackageEdge> allowed, Set<PackageEdge> debts) {
        this.allowed = Set.copyOf(allowed);
        this.debts = Set.copyOf(debts);
    }

    /** Reads the text form; throws on a line it cannot place, so a typo never widens the list. */
    static AllowedPackageEdges parse(List<String> lines) {
        Set<PackageEdge> allowed = new HashSet<>();
        Set<PackageEdge> debts = new HashSet<>();
        Set<PackageEdge> section = null;
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (line.isEmpty() || line.startsWith(COMMENT)) {
                continue;
            }
            if (line.equals(ALLOWED_SECTION) || line.equals(DEBT_SECTION)) {
                section = line.equals(ALLOWED_SECTION) ? allowed : debts;
                continue;
            }
            int why = line.indexOf(COMMENT);
            if (section == null || why < 0 || line.substring(why + 1).isBlank()) {
                throw new IllegalArgumentException("line " + n + ": want 'from -> to  # why' inside "
                        + ALLOWED_SECTION + " or " + DEBT_SECTION + ", got: " + line);
            }
            PackageEdge edge = PackageEdge.parse(line.substring(0, why));
            if (allowed.contains(edge) || debts.contains(edge)) {
                throw new IllegalArgumentException("line " + n + ": listed twice: " + edge);
            }
            section.add(edge);
        }
        return new AllowedPackageEdges(allowed, debts);
    }

    /**
     * What is wrong with {@code actual} (each edge with the files that make it): an edge on
     * neither list; a listed edge the code no longer has (the list must stay true: delete the
     * line); and any cycle between packages that does not go through a debt edge. An empty list
     * means the code matches.
     */
    List<String> violations(Map<PackageEdge, List<String>> actual) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<PackageEdge, List<String>> e : actual.entrySet()) {
            if (!allowed.contains(e.getKey()) && !debts.contains(e.getKey())) {
                found.add("edge not allowed: " + e.getKey() + " (from " + e.getValue() + ")");
            }
        }
        for (PackageEdge edge : new TreeSet<>(debts)) {
            if (!actual.containsKey(edge)) {
                found.add("debt paid: " + edge + " no longer exists, delete its line");
            }
        }
        for (PackageEdge edge : new TreeSet<>(allowed)) {
            if (!actual.containsKey(edge)) {
                found.add("allowed edge " + edge + " no longer exists, delete its line");
            }
        }
        Collection<PackageEdge> withoutDebts = new TreeSet<>(actual.keySet());
        withoutDebts.removeAll(debts);
        for (Set<String> cycle : PackageCycles.in(withoutDebts)) {
            found.add("package cycle not broken by a listed debt: " + cycle);
        }
        return found;
    }
}
