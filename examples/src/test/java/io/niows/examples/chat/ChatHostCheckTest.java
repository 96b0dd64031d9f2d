package io.niows.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocketServer;
import io.niows.examples.TestClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The chat server answers only requests addressed to itself, and a handshake with one
 * {@code Origin} at most: raw requests, written byte for byte as an attacker could.
 */
@Timeout(60)
class ChatHostCheckTest {

    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    private WebSocketServer server;

    @BeforeEach
    void start() throws IOException {
        server = ChatServer.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /**
     * Sends a request head and reads the whole answer, which ends with the connection; an
     * accepted handshake leaves it open, so after a 101 only its head is read.
     */
    private String exchange(String... headerLines) throws IOException {
        StringBuilder request = new StringBuilder();
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()),
                    (int) TestClient.TIMEOUT.toMillis());
            socket.setSoTimeout((int) TestClient.TIMEOUT.toMillis());
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0; b = in.read()) {
                answer.write(b);
                String head = answer.toString(StandardCharsets.UTF_8);
                if (head.startsWith("HTTP/1.1 101 ") && head.endsWith("\r\n\r\n")) {
                    break;
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private String handshake(String host, String... more) throws IOException {
        String[] lines = new String[6 + more.length];
        lines[0] = "GET " + ChatServer.PATH + " HTTP/1.1";
        lines[1] = "Host: " + host;
        lines[2] = "Upgrade: websocket";
        lines[3] = "Connection: Upgrade";
        lines[4] = "Sec-WebSocket-Key: " + KEY;
        lines[5] = "Sec-WebSocket-Version: 13";
        System.arraycopy(more, 0, lines, 6, more.length);
        return exchange(lines);
    }

    private String own() {
        return "127.0.0.1:" + server.port();
    }

    @Test
    void aHandshakeWithTwoOriginsIsABadRequest() throws IOException {
        String answer = handshake(own(), "Origin: http://" + own(), "Origin: http://evil.example");

        assertThat(answer).startsWith("HTTP/1.1 400 ").endsWith("\r\n\r\nmore than one Origin header\n");
    }

    @Test
    void aHandshakeForAnotherHostIsMisdirectedThoughItsOriginMatches() throws IOException {
        String evil = "evil.example:" + server.port();

        String answer = handshake(evil, "Origin: http://" + evil);

        assertThat(answer).startsWith("HTTP/1.1 421 ")
                .endsWith("\r\n\r\nthis server does not answer to that Host\n");
    }

    @Test
    void aHandshakeFromThePageOfThisHostIsAccepted() throws IOException {
        String answer = handshake("localhost:" + server.port(), "Origin: http://localhost:" + server.port());

        assertThat(answer).startsWith("HTTP/1.1 101 ").contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void thePageIsNotServedForAnotherHost() throws IOException {
        String answer = exchange("GET / HTTP/1.1", "Host: evil.example:" + server.port());

        assertThat(answer).startsWith("HTTP/1.1 421 ")
                .contains("Content-Type: text/plain")
                .endsWith("\r\n\r\nthis server does not answer to that Host\n")
                .doesNotContain("<title>");
    }

    @Test
    void thePageIsNotServedWithTwoHosts() throws IOException {
        String answer = exchange("GET / HTTP/1.1", "Host: " + own(), "Host: evil.example");

        assertThat(answer).startsWith("HTTP/1.1 400 ").endsWith("\r\n\r\nmore than one Host header\n");
    }

    @Test
    void thePageIsServedUnderEachOfTheServersNames() throws IOException {
        for (String host : new String[] {own(), "localhost:" + server.port()}) {
            String answer = exchange("GET / HTTP/1.1", "Host: " + host);

            assertThat(answer).as(host).startsWith("HTTP/1.1 200 ").contains("<title>niows chat</title>");
        }
    }
}
