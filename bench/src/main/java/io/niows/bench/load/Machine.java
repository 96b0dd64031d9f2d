package io.niows.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A one-line description of the machine and JVM a comparison ran on.
 *
 * <p>Stateless and thread-safe.
 */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version");
    }

    /** The CPUs this process may run on ({@code Cpus_allowed_list}, e.g. {@code 0} under {@code taskset -c 0}). */
    static String allowedCpus() {
        return procField("/proc/self/status", "Cpus_allowed_list", "unknown");
    }

    private static String cpuModel() {
        return procField("/proc/cpuinfo", "model name", "unknown CPU");
    }

    /** The value of the first {@code name: value} line of a {@code /proc} file, or {@code otherwise}. */
    private static String procField(String file, String name, String otherwise) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(name)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return otherwise;
    }
}
