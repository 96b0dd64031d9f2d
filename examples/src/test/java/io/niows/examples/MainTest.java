package io.niows.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs {@link Main} in its own process, as {@code java -jar} would, to see its exit status. */
@Timeout(60)
class MainTest {

    private static Process run(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String finish(Process process) throws Exception {
        try {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited in time").isTrue();
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void badArgumentsPrintTheUsageAndExitWith2() throws Exception {
        Process process = run("serve", "--port", "1");
        String output = finish(process);

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("unknown command: serve", "usage:");
    }

    @Test
    void helpPrintsTheUsageAndExitsWith0() throws Exception {
        Process process = run("help");
        String output = finish(process);

        assertThat(process.exitValue()).isZero();
        assertThat(output).contains("usage:");
    }

    @Test
    void aPortInUseExitsWith1() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process process = run("echo", "--port", String.valueOf(busy.getLocalPort()));
            String output = finish(process);

            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(output).contains("cannot listen on 127.0.0.1:" + busy.getLocalPort());
        }
    }

    @Test
    void printsItsAddressThenOnSigtermClosesClientsWith1001() throws Exception {
        String banner = echoOnceThenStop("echo", 1001, "a graceful close: going away");
        assertThat(banner).startsWith("echo: ");
    }

    @Test
    void blockingEchoPrintsItsAddressEchoesAndStopsOnSigterm() throws Exception {
        String banner = echoOnceThenStop("blocking-echo", 1006, "dropped: no close frame");
        assertThat(banner).startsWith("blocking-echo: ");
    }

    /**
     * Starts {@code command} on a free port, reads the address from its first line, echoes one
     * message through it, ends it with SIGTERM and checks how the client's connection closed and
     * that the program stopped in time.
     *
     * @return the program's first line
     */
    private String echoOnceThenStop(String command, int closeCode, String how) throws Exception {
        Process process = run(command, "--port", "0");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String banner = out.readLine();
            Matcher address = Pattern.compile("ws://127\\.0\\.0\\.1:(\\d+)/").matcher(banner);
            assertThat(address.find()).as(banner).isTrue();

            try (TestClient client = TestClient.connect(URI.create(address.group() + "x"))) {
                client.sendText("ping");
                assertThat(client.nextText()).isEqualTo("ping");

                process.destroy();

                assertThat(client.awaitClose().code()).as(how).isEqualTo(closeCode);
            }
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped in time").isTrue();
            return banner;
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aServerThatStopsRunningWithoutCtrlCEndsTheProgramWithStatus3() throws Exception {
        io.niows.WebSocketServer server = EchoServer.start("127.0.0.1", 0);
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server.stop(); // as a failed server ends up: isRunning() false, nobody asked
        });
        stopper.start();

        assertThat(Main.serveUntilStopped(server)).isEqualTo(Main.EXIT_SERVER_FAILED);
        stopper.join();
    }
}
