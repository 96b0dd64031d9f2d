package io.niows.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Compare} as a user meets it, in a JVM of its own: a bad argument ends the process with
 * status 2, a message naming the valid ids and the usage, and no stack trace; {@code --help}
 * prints the usage and exits 0. Neither starts a server nor writes a report. A short run of the
 * deflate workloads against niows completes and reports no failure and no loss.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CompareCommandLineTest {

    @TempDir
    Path dir;

    private long waitSeconds = 30;

    @Test
    void anUnknownWorkloadEndsWithStatusTwoAndTheValidIds() throws Exception {
        Path out = dir.resolve("out");
        Finished run = compare("--only", "echo-1-16-b", "--out", out.toString());
        assertThat(run.status).isEqualTo(Compare.BAD_ARGUMENTS);
        assertThat(run.stderr).startsWith("error: unknown workload id(s) echo-1-16-b in --only; valid ids: echo-1c-16-b,")
                .contains("usage: Compare").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.stdout).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnknownServerEndsWithStatusTwoAndTheValidIds() throws Exception {
        Finished run = compare("--servers", "niows,undertow", "--out", dir.resolve("out").toString());
        assertThat(run.status).isEqualTo(Compare.BAD_ARGUMENTS);
        assertThat(run.stderr).startsWith("error: unknown server id(s) undertow in --servers; valid ids: niows, netty, "
                + "netty-example, jetty, java-websocket, floor").doesNotContain("\tat ");
    }

    @Test
    void aMalformedNumberEndsWithStatusTwoAndNoStackTrace() throws Exception {
        Finished run = compare("--rounds", "x");
        assertThat(run.status).isEqualTo(Compare.BAD_ARGUMENTS);
        assertThat(run.stderr).startsWith("error: --rounds needs a whole number").doesNotContain("\tat ");
    }

    @Test
    void anOutFolderThatCannotBeMadeEndsBeforeAnyServerStarts() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        Finished run = compare("--out", file.resolve("out").toString(), "--servers", "floor", "--reference", "floor",
                "--only", "echo-1c-16-b", "--rounds", "1", "--seconds", "0.1", "--warmup", "0");
        assertThat(run.status).isEqualTo(Compare.BAD_ARGUMENTS);
        assertThat(run.stderr).startsWith("error: cannot make the --out folder").doesNotContain("\tat ");
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void aDeflateRunOfEchoBroadcastAndIdleCompletesWithoutLoss() throws Exception {
        Path out = dir.resolve("out");
        waitSeconds = 120;
        Finished run = compare("--deflate", "--random-order", "--servers", "niows", "--only", "echo-100c-4-kib,broadcast-1000s-1-kib,idle-50c",
                "--idle-connections", "50", "--idle-hold", "0", "--rounds", "1", "--seconds", "0.5", "--warmup", "0",
                "--heap", "128m", "--out", out.toString());
        assertThat(run.status).as(run.stdout + run.stderr).isZero();
        assertThat(run.stdout).doesNotContain("FAILED").doesNotContain("first failure");
        String json = Files.readString(out.resolve("results.json"), StandardCharsets.UTF_8);
        assertThat(json).contains("\"deflate\": true").contains("\"randomOrder\": true").contains("permessage-deflate");
        assertThat(run.stdout).contains("   order: niows");
        // Every round: no failed connection, no error and nothing lost. (Not "stalled": in so short a
        // broadcast round many members get no message while it is measured.)
        assertThat(json).doesNotContainPattern("\"(failed|errors|lost)\": [1-9]");
        assertThat(json).contains("\"workload\": \"broadcast 1000 subs 1 KiB\"").contains("\"connections\": 1001");
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() throws Exception {
        Finished run = compare("--help");
        assertThat(run.status).isZero();
        assertThat(run.stdout).startsWith("usage: Compare").contains("server ids:").contains("workload ids:");
        assertThat(run.stderr).isEmpty();
    }

    private record Finished(int status, String stdout, String stderr) {
    }

    private Finished compare(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Compare.class.getName()));
        cmd.addAll(List.of(args));
        Path stdout = dir.resolve("stdout");
        Path stderr = dir.resolve("stderr");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile()).start();
        try {
            assertThat(p.waitFor(waitSeconds, TimeUnit.SECONDS)).as("Compare ended").isTrue();
        } finally {
            if (p.isAlive()) {
                p.destroy(); // its shutdown hook stops any server it started
                p.waitFor(10, TimeUnit.SECONDS);
                p.destroyForcibly();
            }
        }
        return new Finished(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
