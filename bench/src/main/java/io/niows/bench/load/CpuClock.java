package io.niows.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time, in nanoseconds, of this process, of one of its threads, and of another process (read
 * from Linux's {@code /proc/<pid>/stat}: user + system time, in clock ticks of 10 ms).
 *
 * <p>Stateless and thread-safe.
 */
final class CpuClock {

    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final int UTIME_AFTER_STATE = 11;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuClock() {
    }

    /** CPU time of this JVM process. */
    static long process() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of a live thread of this JVM; -1 when it has ended. */
    static long thread(Thread t) {
        return THREADS.getThreadCpuTime(t.getId());
    }

    /** CPU time of process {@code pid}; -1 when it cannot be read. */
    static long ofPid(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[UTIME_AFTER_STATE]) + Long.parseLong(fields[UTIME_AFTER_STATE + 1]);
            return ticks * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
