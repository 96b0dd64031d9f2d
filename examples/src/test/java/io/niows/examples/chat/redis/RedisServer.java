package io.niows.examples.chat.redis;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (Debian's package; the path is overridable with the environment
 * variable {@code REDIS_SERVER}) on a free loopback port, without persistence, that a test can
 * kill and start again on the same port. Without the binary a test is skipped, except under
 * {@code CI}, where it fails ({@code .ci/run} installs it).
 *
 * <p>Not thread-safe: the test thread drives it.
 */
final class RedisServer implements AutoCloseable {

    private final Path binary;
    private final int port;
    private Process process;

    private RedisServer(Path binary, int port) {
        this.binary = binary;
        this.port = port;
    }

    /** Starts one on a free port. */
    static RedisServer start() throws Exception {
        String path = System.getenv("REDIS_SERVER");
        Path binary = Path.of(path == null ? "/usr/bin/redis-server" : path);
        if (!Files.isExecutable(binary)) {
            String missing = "needs " + binary + " (apt-get install redis-server)";
            if (System.getenv("CI") != null) {
                fail("CI is set, so the Redis tests must run, but it " + missing);
            }
            assumeTrue(false, missing);
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        RedisServer server = new RedisServer(binary, port);
        server.restart();
        return server;
    }

    /** {@return redis://127.0.0.1:PORT} */
    URI uri() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    /** Kills it at once (SIGKILL): no goodbye to its clients, no data kept. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            fail("redis-server did not die");
        }
    }

    /** Starts it (again) on its port and waits until it answers PING. */
    void restart() throws Exception {
        process = new ProcessBuilder(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!answersPing()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                process.destroyForcibly();
                fail("redis-server did not start on port " + port);
            }
            Thread.sleep(20);
        }
    }

    private boolean answersPing() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(7);
            return new String(answer, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
