package io.niows.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunLabelTest {

    @TempDir
    Path dir;

    @Test
    void theCommitIsUnknownOutsideARepository() {
        assertThat(RunLabel.gitCommit(dir)).isEqualTo(RunLabel.UNKNOWN);
    }

    @Test
    void theCommitIsTheShortHashOfTheCheckout() throws Exception {
        assumeTrue(git("--version").startsWith("git version"), "git is installed");
        git("init", "-q");
        Files.writeString(dir.resolve("a"), "a");
        git("add", "a");
        git("-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "commit", "-q", "-m", "one");
        String full = git("rev-parse", "HEAD");
        assertThat(RunLabel.gitCommit(dir)).hasSizeBetween(7, 40).satisfies(c -> assertThat(full).startsWith(c));
    }

    @Test
    void theTextSaysWhereTheServersRan() {
        assertThat(RunLabel.of(CompareOptions.parse("--server-cpus", "1")).text()).startsWith("pinned (servers on CPU 1, tool on CPU ");
        assertThat(RunLabel.of(CompareOptions.parse()).text()).startsWith("shared (servers and tool on CPU ")
                .containsPattern(" · \\d{4}-\\d{2}-\\d{2} · commit ([0-9a-f]{4,40}|unknown)$");
    }

    private String git(String... args) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(cmd(args)).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException noGit) {
            return "";
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static List<String> cmd(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
