package io.niows.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The comparison's command line refuses every bad argument before anything runs, and names what
 * it accepts: a typo in an id used to run nothing and exit 0.
 */
class CompareOptionsTest {

    private static final String VALID_SERVERS = "valid ids: niows, netty, netty-example, jetty, java-websocket, floor";
    private static final String VALID_WORKLOADS = "valid ids: echo-1c-16-b, echo-100c-16-b, echo-1000c-16-b, "
            + "echo-100c-16-b-x8, echo-100c-4-kib, echo-10c-1-mib, broadcast-1000s-16-b, broadcast-1000s-1-kib, "
            + "idle-10000c";

    @Test
    void anUnknownServerIdIsRefusedWithTheValidIds() {
        assertThatThrownBy(() -> CompareOptions.parse("--servers", "niows,nety,jety"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown server id(s) nety, jety in --servers")
                .hasMessageEndingWith(VALID_SERVERS);
    }

    @Test
    void anUnknownWorkloadIdIsRefusedWithTheValidIds() {
        assertThatThrownBy(() -> CompareOptions.parse("--only", "echo-100c-16-b,echo-100-16b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown workload id(s) echo-100-16b in --only")
                .hasMessageEndingWith(VALID_WORKLOADS);
    }

    @Test
    void theIdleIdFollowsTheIdleConnectionCountWhereverItIsGiven() {
        assertThat(CompareOptions.parse("--only", "idle-500c", "--idle-connections", "500").only).containsExactly("idle-500c");
        assertThatThrownBy(() -> CompareOptions.parse("--only", "idle-10000c", "--idle-connections", "500"))
                .hasMessageContaining("valid ids: ").hasMessageEndingWith("idle-500c");
    }

    @Test
    void theReferenceMustBeAmongTheServersRun() {
        assertThatThrownBy(() -> CompareOptions.parse("--servers", "netty,jetty"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--reference niows is not among");
        CompareOptions o = CompareOptions.parse("--servers", "netty,jetty", "--reference", "jetty");
        assertThat(o.servers).containsExactly("netty", "jetty");
        assertThat(o.reference).isEqualTo("jetty");
    }

    @Test
    void emptyOrRepeatedIdsAreRefused() {
        assertThatThrownBy(() -> CompareOptions.parse("--servers", "niows,,netty")).hasMessageContaining("empty id");
        assertThatThrownBy(() -> CompareOptions.parse("--only", "echo-1c-16-b,echo-1c-16-b"))
                .hasMessageContaining("names echo-1c-16-b twice");
    }

    @Test
    void malformedValuesNameWhatIsAccepted() {
        assertThatThrownBy(() -> CompareOptions.parse("--rounds", "three")).hasMessage("--rounds needs a whole number of at least 1, not three");
        assertThatThrownBy(() -> CompareOptions.parse("--rounds", "0")).hasMessageContaining("at least 1, not 0");
        assertThatThrownBy(() -> CompareOptions.parse("--seconds", "0")).hasMessageContaining("above 0, not 0");
        assertThatThrownBy(() -> CompareOptions.parse("--warmup", "-1")).hasMessageContaining("0 or more, not -1");
        assertThatThrownBy(() -> CompareOptions.parse("--heap", "lots")).hasMessageContaining("a JVM size such as 512m");
        assertThatThrownBy(() -> CompareOptions.parse("--server-cpus", "one")).hasMessageContaining("taskset -c");
        assertThatThrownBy(() -> CompareOptions.parse("--sevrers", "niows")).hasMessageContaining("unknown option --sevrers");
        assertThatThrownBy(() -> CompareOptions.parse("--rounds")).hasMessage("missing value for --rounds");
        assertThatThrownBy(() -> CompareOptions.parse("--out", "--rounds", "3")).hasMessage("missing value for --out");
    }

    @Test
    void goodValuesAreTaken() {
        CompareOptions o = CompareOptions.parse("--rounds", "5", "--seconds", "0.5", "--warmup", "0", "--heap", "1g",
                "--server-cpus", "1,2-3", "--only", "echo-1c-16-b,idle-10000c", "--servers", "floor,niows");
        assertThat(List.of(o.rounds, o.heap, o.serverCpus)).containsExactly(5, "1g", "1,2-3");
        assertThat(o.seconds).isEqualTo(0.5);
        assertThat(o.warmup).isZero();
        assertThat(o.only).containsExactly("echo-1c-16-b", "idle-10000c");
        assertThat(o.servers).containsExactly("floor", "niows");
        assertThat(o.pinned()).isTrue();
        assertThat(CompareOptions.parse().pinned()).isFalse();
    }

    @Test
    void helpIsAskedForAnywhereAndTheUsageListsEveryId() {
        assertThat(CompareOptions.parse("--help").help).isTrue();
        assertThat(CompareOptions.parse("--rounds", "2", "-h").help).isTrue();
        assertThat(CompareOptions.parse("--rounds", "2").help).isFalse();
        assertThat(CompareOptions.usage())
                .contains("server ids:   niows, netty, netty-example, jetty, java-websocket, floor")
                .contains("workload ids: " + VALID_WORKLOADS.substring("valid ids: ".length()));
    }

    @Test
    void deflateRunsTheServersThatSpeakItAndRefusesTheFloor() {
        CompareOptions o = CompareOptions.parse("--deflate", "--rounds", "2");
        assertThat(o.deflate).isTrue();
        assertThat(o.rounds).isEqualTo(2);
        assertThat(o.servers).containsExactly("niows", "netty", "netty-example", "jetty", "java-websocket");
        assertThat(CompareOptions.parse("--servers", "jetty,niows", "--deflate").servers).containsExactly("jetty", "niows");
        assertThat(CompareOptions.parse().deflate).isFalse();
        assertThatThrownBy(() -> CompareOptions.parse("--deflate", "--servers", "niows,floor"))
                .hasMessage("--deflate: floor speaks no permessage-deflate; servers that do: niows, netty, netty-example, "
                        + "jetty, java-websocket");
        assertThat(CompareOptions.usage()).contains("[--deflate]").contains("[--random-order]");
        assertThat(CompareOptions.parse("--random-order").randomOrder).isTrue();
        assertThat(CompareOptions.parse().randomOrder).isFalse();
    }
}
