package io.niows.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP proxy for tests: Debian's {@code tinyproxy}, started in the foreground on a free
 * loopback port with a generated configuration, stopped (and its files deleted) by {@link #close()}.
 */
public final class Tinyproxy implements AutoCloseable {

    private final Path dir;
    private final Process process;
    private final int port;

    private Tinyproxy(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    /**
     * Starts a proxy that accepts 127.0.0.1; with {@code extraConfig} lines such as {@code
     * BasicAuth user password} or {@code ConnectPort 443}.
     */
    public static Tinyproxy start(String... extraConfig) throws IOException, InterruptedException {
        int port = freePort();
        Path dir = Files.createTempDirectory("niows-tinyproxy");
        StringBuilder conf = new StringBuilder()
                .append("Port ").append(port).append('\n')
                .append("Listen 127.0.0.1\n")
                .append("Timeout 30\n")
                .append("MaxClients 20\n")
                .append("Allow 127.0.0.1\n");
        for (String line : extraConfig) {
            conf.append(line).append('\n');
        }
        Path file = Files.writeString(dir.resolve("tinyproxy.conf"), conf);
        Process process = new ProcessBuilder("tinyproxy", "-d", "-c", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("tinyproxy.log").toFile()).start();
        Tinyproxy proxy = new Tinyproxy(dir, process, port);
        proxy.awaitListening();
        return proxy;
    }

    public int port() {
        return port;
    }

    /** {@return what the proxy logged so far} */
    public String log() throws IOException {
        return Files.readString(dir.resolve("tinyproxy.log"));
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitListening() throws IOException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > until) {
                    close();
                    throw new IOException("tinyproxy did not start: " + notYet.getMessage());
                }
                Thread.sleep(20);
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }
}
