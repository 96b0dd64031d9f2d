package io.niows.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The allowed-edges list fails the build on a new edge, a stale line and an unbroken cycle. */
class AllowedPackageEdgesTest {

    private static final AllowedPackageEdges LIST = AllowedPackageEdges.parse(List.of(
            "# layers: api -> engine -> codec",
            "[allowed]",
            "api -> engine   # the API drives the engine",
            "engine -> codec # the engine uses the codec",
            "[debt]",
            "codec -> engine # old shortcut, to remove"));

    @Test
    void codeMatchingTheListHasNoViolationAndTheDebtCycleIsTolerated() {
        assertThat(LIST.violations(edges("api -> engine", "engine -> codec", "codec -> engine"))).isEmpty();
    }

    @Test
    void anEdgeOnNeitherListIsAViolationNamingItsFile() {
        Map<PackageEdge, List<String>> actual = edges("api -> engine", "engine -> codec", "codec -> engine");
        actual.put(PackageEdge.parse("codec -> api"), List.of("codec/Shortcut.java"));

        assertThat(LIST.violations(actual))
                .anySatisfy(v -> assertThat(v).contains("edge not allowed: codec -> api").contains("codec/Shortcut.java"));
    }

    @Test
    void aDebtTheCodeNoLongerHasMustBeDeletedFromTheList() {
        assertThat(LIST.violations(edges("api -> engine", "engine -> codec")))
                .containsExactly("debt paid: codec -> engine no longer exists, delete its line");
    }

    @Test
    void anAllowedEdgeTheCodeNoLongerHasMustBeDeletedFromTheList() {
        assertThat(LIST.violations(edges("engine -> codec", "codec -> engine")))
                .containsExactly("allowed edge api -> engine no longer exists, delete its line");
    }

    @Test
    void aCycleOfAllowedEdgesIsAViolation() {
        AllowedPackageEdges circular = AllowedPackageEdges.parse(List.of("[allowed]",
                "a -> b # one", "b -> c # two", "c -> a # three", "c -> d # out of the circle"));

        assertThat(circular.violations(edges("a -> b", "b -> c", "c -> a", "c -> d")))
                .containsExactly("package cycle not broken by a listed debt: [a, b, c]");
    }

    @Test
    void anEdgeWithoutAReasonIsRefused() {
        assertThatThrownBy(() -> AllowedPackageEdges.parse(List.of("[allowed]", "a -> b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }

    @Test
    void anEdgeOutsideASectionIsRefused() {
        assertThatThrownBy(() -> AllowedPackageEdges.parse(List.of("a -> b # why")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
    }

    @Test
    void anEdgeListedTwiceIsRefused() {
        assertThatThrownBy(() -> AllowedPackageEdges.parse(List.of("[allowed]", "a -> b # why", "[debt]", "a -> b # again")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice");
    }

    private static Map<PackageEdge, List<String>> edges(String... edges) {
        Map<PackageEdge, List<String>> actual = new TreeMap<>();
        for (String e : edges) {
            actual.put(PackageEdge.parse(e), List.of("Some.java"));
        }
        return actual;
    }
}
