package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocketServer;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server against an independent client: the JDK's own WebSocket implementation. */
class EchoWithJdkClientTest {

    private static WebSocketServer server;
    private static TestHttp http;

    @BeforeAll
    static void start() throws Exception {
        server = Servers.echo();
        http = new TestHttp();
    }

    @AfterAll
    static void stop() {
        server.close();
        http.close();
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 125, 126, 65535, 65536, 16 << 20})
    void binaryMessagesAreEchoedWhole(int size) throws Exception {
        byte[] payload = new byte[size];
        new Random(size).nextBytes(payload);
        try (JdkClient c = JdkClient.connect(http.client, server.port(), "/echo")) {
            c.ws.sendBinary(ByteBuffer.wrap(payload), true).get();
            assertThat((byte[]) c.next()).isEqualTo(payload);
        }
    }

    @ParameterizedTest(name = "{0} chars")
    @ValueSource(ints = {0, 125, 126, 65535, 65536, 16 << 20})
    void textMessagesAreEchoedWhole(int size) throws Exception {
        StringBuilder s = new StringBuilder(size);
        Random random = new Random(size);
        for (int i = 0; i < size; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        try (JdkClient c = JdkClient.connect(http.client, server.port(), "/echo")) {
            c.ws.sendText(s, true).get();
            assertThat((String) c.next()).isEqualTo(s.toString());
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"héllo wörld", "日本語のテキスト", "emoji 😀🎉 and more", ""})
    void nonAsciiTextRoundTrips(String text) throws Exception {
        try (JdkClient c = JdkClient.connect(http.client, server.port(), "/")) {
            c.ws.sendText(text, true).get();
            assertThat(c.next()).isEqualTo(text);
        }
    }
}
