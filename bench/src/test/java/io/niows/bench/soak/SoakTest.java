package io.niows.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short soak, as the command runs it: niows in a child JVM comes through 12 s of chaos with
 * every echo right and no gauge past its bound, and a server that keeps every message fails the
 * heap bound under the same settings.
 */
class SoakTest {

    @TempDir
    Path dir;

    /**
     * 20 connections, 12 s, a report every 2 s from the end of a 4 s warm-up; a slower pace than
     * the command's default so the leaking server's heap grows by a few MB per second (far from
     * its 128 MB), and a heap bound of 4 MiB that 20 connections' messages in flight stay under.
     */
    private SoakOptions shortRun(String name) {
        return SoakOptions.parse("--connections", "20", "--duration", "12s", "--report", "2s", "--warmup", "4s",
                "--seed", "1", "--pause", "100ms", "--heap", "128m", "--server-threads", "2",
                "--heap-growth", "50%,4m", "--log", dir.resolve(name + ".log").toString());
    }

    private static SoakResult run(SoakOptions options, String name, List<String> server) throws Exception {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        SoakResult result;
        try (PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8)) {
            result = Soak.run(options, name, server, out);
        }
        System.out.print(report.toString(StandardCharsets.UTF_8));
        return result;
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void niowsEchoesEveryMessageThroughChaosWithinTheBounds() throws Exception {
        SoakResult r = run(shortRun("niows"), "niows", List.of("io.niows.bench.servers.ServerMain", "niows", "2"));

        assertThat(r.failure()).isNull();
        assertThat(r.passed()).isTrue();
        assertThat(r.echoes()).isPositive();
        assertThat(r.pongs()).isPositive();
        assertThat(r.resets()).isPositive();
        assertThat(r.halfCloses()).isPositive();
        assertThat(r.connections()).isGreaterThan(20 + r.resets());
        assertThat(r.samples()).hasSize(6);
        assertThat(r.samples()).allSatisfy(s -> {
            assertThat(s.heap()).isPositive();
            assertThat(s.rss()).isGreaterThan(s.heap());
            assertThat(s.fds()).isPositive();
            assertThat(s.threads()).isPositive();
        });
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aServerThatKeepsEveryMessageFailsTheHeapBound() throws Exception {
        SoakResult r = run(shortRun("leaky"), "leaky", List.of(LeakyEchoServer.class.getName(), "2"));

        assertThat(r.passed()).isFalse();
        assertThat(r.failure()).startsWith("live heap").contains("is past its bound");
        assertThat(r.echoes()).isPositive();
    }
}
