package io.niows.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Memory of another JVM, without an agent: the live heap is the total of
 * {@code jcmd <pid> GC.class_histogram} (which runs a full GC first, so only reachable objects
 * count), and the resident set is {@code VmRSS} of {@code /proc/<pid>/status}.
 *
 * <p>Stateless and thread-safe.
 */
public final class MemoryProbe {

    private MemoryProbe() {
    }

    /** Bytes of live objects on the heap of JVM {@code pid}, after a full GC. */
    public static long liveHeap(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("jcmd timed out");
        }
        List<String> lines = new String(out, StandardCharsets.UTF_8).lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).trim();
            if (line.startsWith("Total")) {
                String[] cols = line.split("\\s+");
                return Long.parseLong(cols[cols.length - 1]);
            }
        }
        throw new IOException("no Total line from jcmd: " + lines);
    }

    /** Resident set size of process {@code pid}, in bytes. */
    public static long rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for pid " + pid);
    }
}
