package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocketServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code plainAlongsideTls(true)}: the first byte decides, per connection, between TLS and plain. */
@Timeout(60)
class TlsAndPlainOnOnePortTest {

    private static WebSocketServer server;

    @BeforeAll
    static void start() throws Exception {
        server = Servers.loopback().defaultRoute(Servers.ECHO).tls(TestCertificates.LOCALHOST.server())
                .plainAlongsideTls(true).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTlsClientAndAPlainClientShareThePort() throws Exception {
        try (TlsPeer secure = TlsPeer.open(server.port(), TestCertificates.LOCALHOST.trusting(), "/");
                RawClient plain = RawClient.open(server.port(), "/")) {
            secure.write(RawClient.text("over tls"));
            plain.send(RawClient.text("in clear"));
            assertThat(secure.readFrame().text()).isEqualTo("over tls");
            assertThat(plain.readFrame().text()).isEqualTo("in clear");
        }
    }

    @Test
    void aPlainRequestSentOneByteAtATimeIsServed() throws Exception {
        try (RawClient plain = new RawClient(server.port())) {
            for (byte b : RawClient.upgradeRequest("/").getBytes(StandardCharsets.ISO_8859_1)) {
                plain.send(new byte[] {b});
            }
            assertThat(plain.readHead()).startsWith("HTTP/1.1 101");
        }
    }

    @Test
    void aTlsHelloWhoseFirstByteArrivesAloneIsServed() throws Exception {
        try (TlsPeer peer = TlsPeer.unstarted(server.port(), TestCertificates.LOCALHOST.trusting())) {
            peer.sendRaw(new byte[] {0x16});
            Thread.sleep(50);
            peer.handshakeAfterFirstByte();
            peer.write(RawClient.upgradeRequest("/").getBytes(StandardCharsets.ISO_8859_1));
            assertThat(peer.readHead()).startsWith("HTTP/1.1 101");
        }
    }
}
