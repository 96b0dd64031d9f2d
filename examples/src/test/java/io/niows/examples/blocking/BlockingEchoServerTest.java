package io.niows.examples.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.examples.EchoServerTest;
import io.niows.examples.TestClient;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The blocking-socket echo; its conformance is checked by {@code spec-tests}' {@code BlockingEchoConformanceTest}. */
@Timeout(60)
class BlockingEchoServerTest {

    private BlockingEchoServer server;

    @BeforeEach
    void start() throws Exception {
        server = BlockingEchoServer.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + server.port() + path);
    }

    @Test
    void echoesTextAndBinaryInOrderOnAnyPath() throws Exception {
        EchoServerTest.echoesTextAndBinaryInOrder(uri("/any/path?x=1"));
    }

    @Test
    void echoesMessagesPastTheEngineDefaultOf16MiB() throws Exception {
        byte[] big = new byte[20 << 20];
        new Random(6455).nextBytes(big);
        try (TestClient client = TestClient.connect(uri("/"))) {
            client.sendBinary(ByteBuffer.wrap(big));
            assertThat(client.nextBinary()).isEqualTo(ByteBuffer.wrap(big));
        }
    }

    @Test
    void closesCleanlyWhenTheClientCloses() throws Exception {
        TestClient client = TestClient.connect(uri("/"));
        client.close();
        assertThat(client.awaitClose().code()).isEqualTo(1000);
    }

    @Test
    void aProtocolViolationGets1002ThenFinNotAReset() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(readHead(in)).startsWith("HTTP/1.1 101 ")
                    .contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");

            // RFC 6455 §5.1: a client's frame must be masked; this one is not. More bytes follow
            // it in the same write, more than one read of the server takes, so some are still
            // unread when it fails the connection: closing the socket then would send a reset.
            byte[] unmaskedThenMore = new byte[4 + 256 * 1024];
            System.arraycopy(new byte[] {(byte) 0x81, 0x02, 'h', 'i'}, 0, unmaskedThenMore, 0, 4);
            out.write(unmaskedThenMore);

            byte[] header = in.readNBytes(2);
            assertThat(header[0] & 0xff).as("FIN + close").isEqualTo(0x88);
            byte[] payload = in.readNBytes(header[1]);
            assertThat(ByteBuffer.wrap(payload).getShort()).as("close code").isEqualTo((short) 1002);
            assertThat(in.read()).as("the server's FIN").isEqualTo(-1);
        }
    }

    @Test
    void aPlainHttpRequestIsAnswered426ThenFin() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(answer).startsWith("HTTP/1.1 426 ").contains("Upgrade: websocket");
        }
    }

    @Test
    void closeDropsOpenConnectionsAndEndsEveryThread() throws Exception {
        TestClient client = TestClient.connect(uri("/"));
        client.sendText("before");
        assertThat(client.nextText()).isEqualTo("before");

        server.close();

        assertThat(client.awaitClose().code()).as("TCP ended without a close frame").isEqualTo(1006);
        client.close();
        assertThat(blockingEchoThreads()).isEmpty();
    }

    private static Set<String> blockingEchoThreads() {
        return Set.copyOf(Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("blocking-echo"))
                .map(Thread::getName)
                .toList());
    }

    private static String readHead(InputStream in) throws Exception {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("the head ended early").isNotEqualTo(-1);
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
