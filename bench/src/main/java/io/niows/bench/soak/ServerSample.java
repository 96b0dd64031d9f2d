package io.niows.bench.soak;

import io.niows.bench.load.MemoryProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One reading of the server process, from outside it: live heap (the total of
 * {@code jcmd <pid> GC.class_histogram}, which runs a full GC first), then, once the GC's scratch
 * memory is given back, the resident set ({@code VmRSS}), open file descriptors (entries of
 * {@code /proc/<pid>/fd}) and threads ({@code Threads} of {@code /proc/<pid>/status}).
 *
 * @param elapsedMillis time since the soak's connections started
 * @param heap bytes of live objects
 * @param rss bytes resident
 * @param fds open file descriptors
 * @param threads threads of the process
 *
 * <p>Immutable; thread-safe.
 */
record ServerSample(long elapsedMillis, long heap, long rss, long fds, long threads) {

    /** A full GC frees native scratch memory as it ends; RSS is read once that has settled. */
    private static final long SETTLE_AFTER_GC_MILLIS = 500;

    static ServerSample take(long pid, long elapsedMillis) throws IOException, InterruptedException {
        long heap = MemoryProbe.liveHeap(pid);
        Thread.sleep(SETTLE_AFTER_GC_MILLIS);
        long rss = MemoryProbe.rss(pid);
        long fds;
        try (Stream<Path> entries = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            fds = entries.count();
        }
        return new ServerSample(elapsedMillis, heap, rss, fds, threads(pid));
    }

    private static long threads(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("Threads:")) {
                return Long.parseLong(line.substring("Threads:".length()).trim());
            }
        }
        throw new IOException("no Threads line for pid " + pid);
    }
}
