package io.niows.architecture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the edges between niows packages in Java sources, by text alone (no compiler, no new
 * dependency): a file belongs to its {@code package} line, and depends on every niows package
 * whose type it names, whether through an import, a static import, a wildcard import or a fully
 * qualified name in the code. Comments and string, character and text-block literals are blanked
 * first, so a {@code {@link io.niows.protocol.CloseCode}} in Javadoc or a logger name in quotes
 * is not a dependency. Same-package references need no name, so they make no edge.
 *
 * <p>Stateless; safe to call from any thread.
 */
final class PackageEdgeExtractor {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    /**
     * A niows name: lower-case package segments, then a type (upper case) or a wildcard import.
     * Not preceded by a name character or a dot, so {@code com.io.niows.X} is someone else's.
     */
    private static final Pattern NIOWS_REFERENCE =
            Pattern.compile("(?<![\\w.])(io\\.niows(?:\\.[a-z_][a-z0-9_]*)*)\\s*\\.\\s*(?:[A-Z]|\\*)");

    private PackageEdgeExtractor() {
    }

    /**
     * Every edge out of the package of {@code source}, each to a different niows package; empty for
     * a file without a package line (such as {@code module-info.java}).
     */
    static Set<PackageEdge> edgesIn(String source) {
        String code = JavaCodeOnly.of(source);
        Set<PackageEdge> edges = new TreeSet<>();
        Optional<String> from = packageOf(code);
        if (from.isEmpty()) {
            return edges;
        }
        Matcher m = NIOWS_REFERENCE.matcher(code);
        while (m.find()) {
            String to = m.group(1);
            if (!to.equals(from.get())) {
                edges.add(new PackageEdge(from.get(), to));
            }
        }
        return edges;
    }

    /**
     * Every edge found in the {@code .java} files under {@code root}, each with the files (relative
     * to {@code root}) that make it, so a failure names where to look.
     */
    static Map<PackageEdge, List<String>> edgesUnder(Path root) throws IOException {
        Map<PackageEdge, List<String>> edges = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no Java sources under " + root.toAbsolutePath());
        }
        for (Path file : files) {
            String name = root.relativize(file).toString();
            for (PackageEdge edge : edgesIn(Files.readString(file, StandardCharsets.UTF_8))) {
                edges.computeIfAbsent(edge, e -> new ArrayList<>()).add(name);
            }
        }
        return edges;
    }

    private static Optional<String> packageOf(String code) {
        Matcher m = PACKAGE.matcher(code);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
