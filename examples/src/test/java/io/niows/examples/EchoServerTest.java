package io.niows.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocketServer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Random;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
public class EchoServerTest {

    private WebSocketServer server;

    @BeforeEach
    void start() throws Exception {
        server = EchoServer.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + server.port() + path);
    }

    @Test
    void echoesTextAndBinaryInOrder() throws Exception {
        echoesTextAndBinaryInOrder(uri("/"));
    }

    /** Sends text, binary and non-ASCII text to an echo at {@code uri} and expects each back, in order. */
    public static void echoesTextAndBinaryInOrder(URI uri) throws Exception {
        echoesTextAndBinaryInOrder(uri, SSLContext.getDefault());
    }

    /** As {@link #echoesTextAndBinaryInOrder(URI)}, over {@code wss://} trusting what {@code tls} trusts. */
    public static void echoesTextAndBinaryInOrder(URI uri, SSLContext tls) throws Exception {
        try (TestClient client = TestClient.connect(uri, tls)) {
            client.sendText("hello");
            client.sendBinary(ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 0xff}));
            client.sendText("h\u00e9llo \ud83d\ude00 \u4e16\u754c");

            assertThat(client.nextText()).isEqualTo("hello");
            assertThat(client.nextBinary()).isEqualTo(ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 0xff}));
            assertThat(client.nextText()).isEqualTo("h\u00e9llo \ud83d\ude00 \u4e16\u754c");
        }
    }

    @Test
    void answersOnAnyPath() throws Exception {
        try (TestClient client = TestClient.connect(uri("/any/path/at/all?x=1"))) {
            client.sendText("still echoed");
            assertThat(client.nextText()).isEqualTo("still echoed");
        }
    }

    @Test
    void echoesMessagesPastTheLibraryDefaultOf16MiB() throws Exception {
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
}
