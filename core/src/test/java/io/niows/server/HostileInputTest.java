package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The attacks that once took a whole server down, re-run against an echo server in a process of
 * its own (a 64 MiB heap; for descriptors, {@code ulimit -n 128}) while a canary connection on
 * the same loop echoes every 100 ms and must keep every echo, and a fresh connection must be
 * served afterwards.
 */
@Timeout(90)
class HostileInputTest {

    private static final long HEAP_MIB = 64;

    private Process child;
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
        if (child != null) {
            child.getOutputStream().close();
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void headersDeclaringLargeMessagesCostOnlyTheBytesThatArrive() throws Exception {
        int port = startChild("attack-allocation", 1024);
        try (Canary canary = Canary.start(port)) {
            for (int i = 0; i < 200; i++) {
                RawClient attacker = RawClient.open(port, "/", 3000);
                sockets.add(attacker.socket);
                // 16 MiB - 1 declared (within the limit), ten bytes sent: 3.2 GB if allocated up front
                attacker.send(header16MiB());
                attacker.send(new byte[10]);
                canary.assertNoMissYet();
            }
            canary.assertEveryEchoArrived();
        }
        assertFreshConnectionIsServed(port);
    }

    @Test
    void aMillionUnreadPingsCostAtMostAFewPongs() throws Exception {
        int port = startChild("attack-pings", 1024);
        try (Canary canary = Canary.start(port)) {
            RawClient attacker = RawClient.open(port, "/", 3000);
            sockets.add(attacker.socket);
            byte[] batch = pings(10_000);
            Thread flood = new Thread(() -> {
                try {
                    for (int i = 0; i < 100; i++) {
                        attacker.send(batch);
                    }
                } catch (IOException e) {
                    // the socket was closed under a blocked write: the server had stopped reading
                }
            }, "ping-flood");
            flood.start();
            flood.join(30_000);
            attacker.close();
            flood.join(5_000);
            canary.assertEveryEchoArrived();
        }
        assertFreshConnectionIsServed(port);
    }

    @Test
    void runningOutOfDescriptorsOnlyDelaysNewConnections() throws Exception {
        int port = startChild("attack-descriptors", 128);
        try (Canary canary = Canary.start(port)) {
            List<Socket> flood = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                flood.add(s);
                sockets.add(s);
            }
            Thread.sleep(1500);
            for (Socket s : flood) {
                s.close();
            }
            canary.assertEveryEchoArrived();
        }
        assertFreshConnectionIsServed(port);
    }

    private int startChild(String name, int maxDescriptors) throws IOException, URISyntaxException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = codeSource(io.niows.WebSocketServer.class) + File.pathSeparator
                + codeSource(ChildEchoServer.class);
        ProcessBuilder pb = new ProcessBuilder("bash", "-c",
                "ulimit -n " + maxDescriptors + " && exec \"$0\" -Xmx" + HEAP_MIB + "m -cp \"$1\" "
                        + ChildEchoServer.class.getName(), java, classpath);
        pb.redirectError(Path.of("target", name + ".log").toFile());
        child = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the child server's first line").startsWith("PORT ");
        return Integer.parseInt(line.substring("PORT ".length()));
    }

    private static String codeSource(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private void assertFreshConnectionIsServed(int port) throws Exception {
        assertThat(child.isAlive()).as("the server process is alive").isTrue();
        try (RawClient fresh = RawClient.open(port, "/", 5000)) {
            fresh.send(RawClient.text("after the attack"));
            assertThat(fresh.readFrame().text()).isEqualTo("after the attack");
        }
    }

    private static byte[] header16MiB() {
        long length = (16L << 20) - 1;
        byte[] h = new byte[14];
        h[0] = (byte) 0x82;
        h[1] = (byte) (0x80 | 127);
        for (int i = 0; i < 8; i++) {
            h[2 + i] = (byte) (length >>> (56 - 8 * i));
        }
        return h; // masking key 0: the ten zero bytes that follow stay zero
    }

    private static byte[] pings(int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] payload = new byte[125];
        for (int i = 0; i < count; i++) {
            out.writeBytes(RawClient.frame(0x89, payload, true));
        }
        return out.toByteArray();
    }

    /** A connection that echoes a numbered message every 100 ms on its own thread, and records any miss. */
    private static final class Canary implements AutoCloseable {
        private final RawClient client;
        private final Thread thread;
        private volatile boolean stop;
        private volatile String failure;
        private volatile int echoes;

        private Canary(RawClient client) {
            this.client = client;
            this.thread = new Thread(this::run, "canary");
        }

        /**
         * Connects and echoes once before the attack starts: the child runs from class
         * directories, where loading a class takes a file descriptor (from a jar it does not).
         */
        static Canary start(int port) throws IOException {
            RawClient c = RawClient.open(port, "/", 3000);
            c.send(RawClient.text("warm-up"));
            assertThat(c.readFrame().text()).isEqualTo("warm-up");
            Canary canary = new Canary(c);
            canary.thread.start();
            return canary;
        }

        private void run() {
            for (int i = 0; !stop && failure == null; i++) {
                try {
                    client.send(RawClient.text("canary " + i));
                    String echo = client.readFrame().text();
                    if (!echo.equals("canary " + i)) {
                        failure = "echo " + i + " came back as " + echo;
                    }
                    echoes++;
                    Thread.sleep(100);
                } catch (IOException | InterruptedException e) {
                    failure = "echo " + i + " failed: " + e;
                }
            }
        }

        void assertNoMissYet() {
            assertThat(failure).as("the canary's first miss").isNull();
        }

        void assertEveryEchoArrived() throws InterruptedException {
            Thread.sleep(1000);
            stop = true;
            thread.join(5000);
            assertThat(failure).as("the canary's first miss").isNull();
            assertThat(echoes).as("canary echoes").isGreaterThan(3);
        }

        @Override
        public void close() throws IOException {
            stop = true;
            client.close();
        }
    }
}
