package io.niows.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server under test in its own JVM: {@code io.niows.bench.servers.ServerMain <name>} (or, for
 * the soak, any main class that does the same) started with the same JVM flags for every server,
 * on a free loopback port it prints as {@code LISTENING <port>}. Its output goes to a log file.
 *
 * <p>Thread-safe for {@link #close()}: the runner's shutdown hook may call it too.
 */
public final class ServerProcess implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 30_000;

    private final String name;
    private final Process process;
    private final int port;

    private ServerProcess(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    /**
     * Starts server {@code name} with {@code jvmFlags} and {@code threads} I/O threads, confined to
     * the CPUs in {@code cpus} (a {@code taskset} list such as {@code 1} or {@code 2-3}) unless it is
     * empty.
     */
    static ServerProcess start(String name, List<String> jvmFlags, int threads, String cpus, Path log)
            throws IOException, InterruptedException {
        return launch(name, jvmFlags, cpus, log,
                List.of("io.niows.bench.servers.ServerMain", name, Integer.toString(threads)));
    }

    /**
     * Starts {@code mainClassAndArgs} (a main class on this JVM's class path, then its arguments) in
     * a JVM with {@code jvmFlags}, confined to the CPUs in {@code cpus} unless it is empty, and waits
     * up to 30 s for its {@code LISTENING <port>} line; {@code name} is what reports call it.
     */
    public static ServerProcess launch(String name, List<String> jvmFlags, String cpus, Path log,
            List<String> mainClassAndArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (!cpus.isEmpty()) {
            cmd.addAll(List.of("taskset", "-c", cpus));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.addAll(mainClassAndArgs);
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline && p.isAlive()) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith("LISTENING ")) {
                    return new ServerProcess(name, p, Integer.parseInt(line.substring(10).trim()));
                }
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new IOException("server " + name + " did not start; see " + log);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Ends the server: a polite signal, then a kill after 5 seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
