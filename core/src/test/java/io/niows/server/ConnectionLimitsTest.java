package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocketServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Past a connection limit a new client gets 503 with Retry-After and a one-line reason; those already in are untouched. */
@Timeout(30)
class ConnectionLimitsTest {

    private WebSocketServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pastMaxConnectionsANewClientGets503AndTheOthersKeepWorking() throws Exception {
        server = Servers.loopback().defaultRoute(Servers.ECHO).maxConnections(2).build().start();
        try (RawClient first = RawClient.open(server.port(), "/");
                RawClient second = RawClient.open(server.port(), "/")) {
            String refused = refusal(server.port(), "127.0.0.1");

            assertThat(refused).startsWith("HTTP/1.1 503 Service Unavailable\r\n");
            assertThat(refused).contains("\r\nRetry-After: 1\r\n");
            assertThat(refused).endsWith("\r\n\r\ntoo many connections (2)\n");
            first.send(RawClient.text("still here"));
            assertThat(first.readFrame().text()).isEqualTo("still here");
        }
        try (RawClient afterwards = openWhenCounted(server.port())) {
            afterwards.send(RawClient.text("room again"));
            assertThat(afterwards.readFrame().text()).isEqualTo("room again");
        }
    }

    @Test
    void pastMaxConnectionsPerAddressOnlyThatAddressIsRefused() throws Exception {
        server = Servers.loopback().defaultRoute(Servers.ECHO).maxConnectionsPerAddress(2).build().start();
        try (RawClient first = RawClient.open(server.port(), "/");
                RawClient second = RawClient.open(server.port(), "/")) {
            assertThat(refusal(server.port(), "127.0.0.1"))
                    .startsWith("HTTP/1.1 503 ")
                    .endsWith("too many connections from 127.0.0.1 (2)\n");
            assertThat(refusal(server.port(), "127.0.0.2")).as("another address").startsWith("HTTP/1.1 101 ");
        }
    }

    @Test
    void halfOpenHandshakesPastTheirLimitAreRefusedButFinishedOnesDoNotCount() throws Exception {
        server = Servers.loopback().defaultRoute(Servers.ECHO).maxHandshakesInProgress(2).build().start();
        try (RawClient a = RawClient.open(server.port(), "/");
                RawClient b = RawClient.open(server.port(), "/");
                RawClient c = RawClient.open(server.port(), "/")) {
            try (Socket silent1 = connect("127.0.0.1");
                    Socket silent2 = connect("127.0.0.1")) {
                Thread.sleep(200); // both accepted and counted before the next one arrives
                assertThat(refusal(server.port(), "127.0.0.1"))
                        .startsWith("HTTP/1.1 503 ")
                        .endsWith("too many opening handshakes in progress (2)\n");
            }
            try (RawClient later = openWhenCounted(server.port())) {
                later.send(RawClient.text("after the silent ones left"));
                assertThat(later.readFrame().text()).isEqualTo("after the silent ones left");
            }
        }
    }

    private Socket connect(String localAddress) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(localAddress, 0));
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
        s.setSoTimeout(10_000);
        return s;
    }

    /** Sends an upgrade request from {@code localAddress} and returns the whole answer, up to the server's close. */
    private String refusal(int port, String localAddress) throws IOException {
        try (Socket s = connect(localAddress)) {
            s.getOutputStream().write(RawClient.upgradeRequest("/").getBytes(StandardCharsets.ISO_8859_1));
            s.shutdownOutput();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return answer.startsWith("HTTP/1.1 101 ") ? answer.substring(0, answer.indexOf("\r\n") + 2) : answer;
        }
    }

    /** A client closed just now is counted out on the server's loop a moment later: retry briefly. */
    private static RawClient openWhenCounted(int port) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return RawClient.open(port, "/");
            } catch (IOException refused) {
                if (attempt == 50) {
                    throw refused;
                }
                Thread.sleep(20);
            }
        }
    }
}
