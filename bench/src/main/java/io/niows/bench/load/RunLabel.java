package io.niows.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * What names a comparison run on its chart and in {@code results.json}: where the servers ran
 * (pinned to CPUs of their own, or sharing every CPU with the tool) and whether permessage-deflate
 * was on, the date (UTC) and the commit
 * of the working directory, so that a chart copied out of its folder still says which run it shows.
 *
 * <p>Immutable and thread-safe.
 */
record RunLabel(String placement, LocalDate date, String commit) {

    /** The commit when {@code git} is missing or the working directory is not a repository. */
    static final String UNKNOWN = "unknown";

    /** The label of a run starting now with these options, the commit read from {@code git}. */
    static RunLabel of(CompareOptions o) {
        String placement = o.pinned()
                ? "pinned (servers on CPU " + o.serverCpus + ", tool on CPU " + Machine.allowedCpus() + ")"
                : "shared (servers and tool on CPU " + Machine.allowedCpus() + ")";
        if (o.deflate) {
            placement += ", permessage-deflate";
        }
        return new RunLabel(placement, LocalDate.now(ZoneOffset.UTC), gitCommit(Path.of("")));
    }

    /** One line for the chart's heading. */
    String text() {
        return placement + " · " + date + " · commit " + commit;
    }

    /**
     * {@code git rev-parse --short HEAD} in {@code dir}, or {@link #UNKNOWN}. The run asks in its
     * working directory: the jar may have been copied elsewhere, so the commit is that of the
     * checkout the run starts from.
     */
    static String gitCommit(Path dir) {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").directory(dir.toAbsolutePath().toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out;
            try (InputStream in = git.getInputStream()) {
                out = new String(in.readNBytes(200), StandardCharsets.US_ASCII).trim();
            }
            if (!git.waitFor(5, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return UNKNOWN;
            }
            return git.exitValue() == 0 && out.matches("[0-9a-f]{4,40}") ? out : UNKNOWN;
        } catch (IOException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }
}
