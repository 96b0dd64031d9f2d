package io.niows.examples.chat.redis;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A chat node in a JVM of its own ({@code io.niows.examples.Main chat ...}, on the test's class
 * path), so that a test can kill it the way a machine dies (SIGKILL: no close frames, no names
 * given back to Redis) or stop it the way an operator does (SIGTERM). Its output goes to a
 * temporary file, shown when it fails to start.
 *
 * <p>Not thread-safe: the test thread drives it.
 */
final class ChatNodeProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private ChatNodeProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /**
     * Starts {@code chat --host 127.0.0.1} with these further arguments and waits (at most 30 s)
     * until it says where it listens.
     */
    static ChatNodeProcess start(String... arguments) throws Exception {
        Path output = Files.createTempFile("niows-chat-node-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.niows.examples.Main", "chat", "--host", "127.0.0.1"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        ChatNodeProcess node = new ChatNodeProcess(process, output);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(output).contains("chat: open")) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                String log = Files.readString(output);
                node.close();
                fail("the chat node did not start: " + log);
            }
            Thread.sleep(50);
        }
        return node;
    }

    /** {@return a port that was free a moment ago, for a node that must know its peers' ports} */
    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** Kills it at once (SIGKILL) and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            fail("the chat node did not die");
        }
    }

    /**
     * Stops it the way Ctrl-C does (SIGTERM): its shutdown hook gives its names back to Redis and
     * closes its pages' connections with 1001; waits until it is gone.
     */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            fail("the chat node did not stop on SIGTERM");
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        Files.deleteIfExists(output);
    }
}
