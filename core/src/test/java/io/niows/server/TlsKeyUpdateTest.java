package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocket;
import io.niows.WebSocketClient;
import io.niows.WebSocketHandler;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TLS 1.3 key updates (RFC 8446 §4.6.3) in both directions, in the middle of a long echo: the
 * server runs in a process of its own ({@link ChildTlsEchoServer}) whose keys must change every
 * 16 KiB, so the JDK's engine updates its sending keys as it writes and, as it reads, asks the
 * client to update its own. The niows server and the niows client each wrap and unwrap those
 * post-handshake messages between application records. The child's TLS debug log proves the
 * updates took place.
 */
@Timeout(120)
class TlsKeyUpdateTest {

    private static final int KEY_LIMIT = 1 << 14;
    private static final int MESSAGES = 64;
    private static final int MESSAGE_SIZE = 64 << 10;

    @Test
    void aLongEchoSurvivesKeyUpdatesInBothDirections() throws Exception {
        Path log = Path.of("target", "tls-key-update.log");
        Process child = startChild(log);
        try (WebSocketClient client = WebSocketClient.builder().tls(TestCertificates.LOCALHOST.trusting())
                .maxMessageSize(32L << 20).build()) {
            String line = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(line).as("the child server's first line").startsWith("PORT ");
            BlockingQueue<byte[]> echoes = new LinkedBlockingQueue<>();
            WebSocket ws = client.connect(URI.create("wss://localhost:" + line.substring(5) + "/"),
                    new WebSocketHandler() {
                        @Override
                        public void onBinary(WebSocket ws, ByteBuffer data) {
                            byte[] copy = new byte[data.remaining()];
                            data.get(copy);
                            echoes.add(copy);
                        }
                    }).get(10, TimeUnit.SECONDS);
            Random random = new Random(17);
            for (int i = 0; i < MESSAGES; i++) {
                byte[] message = new byte[MESSAGE_SIZE];
                random.nextBytes(message);
                ws.sendBinary(ByteBuffer.wrap(message));
                byte[] echo = echoes.poll(20, TimeUnit.SECONDS);
                assertThat(echo).as("echo " + i + " within 20 s").isNotNull();
                assertThat(Arrays.mismatch(echo, message)).as("the first wrong byte of echo " + i).isEqualTo(-1);
            }
            ws.close(1000, "done");
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(20, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        String debug = Files.readString(log, StandardCharsets.ISO_8859_1);
        int expected = MESSAGES * MESSAGE_SIZE / KEY_LIMIT / 4; // a quarter of the limits passed each way
        assertThat(count(debug, "KeyUpdate: write key updated")).as("the server's own key updates")
                .isGreaterThan(expected);
        assertThat(count(debug, "KeyUpdate: read key updated")).as("the client's key updates, asked by the server")
                .isGreaterThan(expected);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static Process startChild(Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = codeSource(io.niows.WebSocketServer.class) + File.pathSeparator
                + codeSource(ChildTlsEchoServer.class);
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-Djavax.net.debug=ssl:handshake", "-cp", classpath,
                ChildTlsEchoServer.class.getName(), TestCertificates.LOCALHOST.keystore.toString(),
                new String(TestCertificates.PASSWORD), Integer.toString(KEY_LIMIT));
        pb.redirectError(log.toFile());
        return pb.start();
    }

    private static String codeSource(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
