package io.niows.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md, "Inside core: layers, one direction": the packages of core depend on each other only
 * along the edges committed in {@code allowed-package-edges.txt}, with no cycle except those the
 * listed debts make, and the list holds no edge the code has lost.
 */
class PackageArchitectureTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Path ALLOWED = Path.of("src", "test", "resources", "architecture", "allowed-package-edges.txt");

    @Test
    void coreDependsOnlyAlongTheCommittedPackageEdges() throws IOException {
        AllowedPackageEdges list = AllowedPackageEdges.parse(Files.readAllLines(ALLOWED, StandardCharsets.UTF_8));
        Map<PackageEdge, List<String>> actual = PackageEdgeExtractor.edgesUnder(SOURCES);

        assertThat(actual).as("edges found in %s", SOURCES.toAbsolutePath()).isNotEmpty();
        assertThat(list.violations(actual)).isEmpty();
    }
}
