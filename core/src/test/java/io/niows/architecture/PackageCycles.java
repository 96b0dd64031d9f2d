package io.niows.architecture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the groups of packages that depend on each other in a circle: the strongly connected
 * components with more than one package (Tarjan's algorithm; a handful of packages, so recursion
 * depth is no concern).
 *
 * <p>Each call works on its own state; safe to call from any thread.
 */
final class PackageCycles {

    private final Map<String, Set<String>> targets = new TreeMap<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> lowLink = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final List<Set<String>> cycles = new ArrayList<>();

    private PackageCycles(Collection<PackageEdge> edges) {
        for (PackageEdge e : edges) {
            targets.computeIfAbsent(e.from(), p -> new TreeSet<>()).add(e.to());
            targets.computeIfAbsent(e.to(), p -> new TreeSet<>());
        }
    }

    /** Each set of packages that reach one another through {@code edges}, sorted by name. */
    static List<Set<String>> in(Collection<PackageEdge> edges) {
        PackageCycles search = new PackageCycles(edges);
        for (String p : search.targets.keySet()) {
            if (!search.index.containsKey(p)) {
                search.visit(p);
            }
        }
        return search.cycles;
    }

    private void visit(String p) {
        index.put(p, index.size());
        lowLink.put(p, index.get(p));
        stack.push(p);
        for (String q : targets.get(p)) {
            if (!index.containsKey(q)) {
                visit(q);
                lowLink.put(p, Math.min(lowLink.get(p), lowLink.get(q)));
            } else if (stack.contains(q)) {
                lowLink.put(p, Math.min(lowLink.get(p), index.get(q)));
            }
        }
        if (lowLink.get(p).equals(index.get(p))) {
            Set<String> component = new TreeSet<>();
            String q;
            do {
                q = stack.pop();
                component.add(q);
            } while (!q.equals(p));
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
    }
}
