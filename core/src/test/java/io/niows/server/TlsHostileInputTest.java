package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocketServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bytes a TLS port must refuse: each closes that connection quickly (well before the handshake
 * timeout, which is long here), logs nothing above DEBUG, and leaves a connection opened before it
 * working.
 */
@Timeout(60)
class TlsHostileInputTest {

    private static final Duration QUICKLY = Duration.ofSeconds(3);

    private final Logger jul = Logger.getLogger("io.niows");
    private final List<LogRecord> loud = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() > Level.FINE.intValue()) {
                loud.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private WebSocketServer server;
    private TlsPeer bystander;

    @BeforeEach
    void start() throws Exception {
        jul.addHandler(capture);
        server = Servers.loopback().defaultRoute(Servers.ECHO).handshakeTimeout(Duration.ofSeconds(30))
                .tls(TestCertificates.LOCALHOST.server()).build().start();
        bystander = TlsPeer.open(server.port(), TestCertificates.LOCALHOST.trusting(), "/");
    }

    @AfterEach
    void stop() throws Exception {
        try {
            bystander.write(RawClient.text("still here"));
            assertThat(bystander.readFrame().text()).as("the connection opened before").isEqualTo("still here");
            assertThat(loud).as("records above DEBUG").isEmpty();
        } finally {
            bystander.close();
            server.close();
            jul.removeHandler(capture);
        }
    }

    private static void closesQuickly(TlsPeer peer) {
        long start = System.nanoTime();
        assertThat(peer.serverClosedTcp()).as("the server closed the connection").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(QUICKLY);
    }

    @Test
    void plainHttpOnTheTlsPort() throws Exception {
        try (TlsPeer peer = TlsPeer.unstarted(server.port(), TestCertificates.LOCALHOST.trusting())) {
            peer.sendRaw(RawClient.upgradeRequest("/").getBytes(StandardCharsets.ISO_8859_1));
            closesQuickly(peer);
        }
    }

    @Test
    void aRecordCutShortByTheEndOfTheStream() throws Exception {
        try (TlsPeer peer = TlsPeer.open(server.port(), TestCertificates.LOCALHOST.trusting(), "/")) {
            byte[] record = peer.records(RawClient.text("never finished"));
            peer.sendRaw(Arrays.copyOf(record, record.length / 2));
            peer.socket.shutdownOutput();
            closesQuickly(peer);
        }
    }

    @Test
    void aRecordLongerThanTlsAllows() throws Exception {
        try (TlsPeer peer = TlsPeer.open(server.port(), TestCertificates.LOCALHOST.trusting(), "/")) {
            int length = 16384 + 2048 + 1;
            byte[] record = new byte[5 + length];
            record[0] = 0x17; // application_data
            record[1] = 0x03;
            record[2] = 0x03;
            record[3] = (byte) (length >>> 8);
            record[4] = (byte) length;
            peer.sendRaw(record);
            closesQuickly(peer);
        }
    }

    @Test
    void aHandshakeRecordLongerThanTlsAllowsBeforeAnyHandshake() throws Exception {
        try (TlsPeer peer = TlsPeer.unstarted(server.port(), TestCertificates.LOCALHOST.trusting())) {
            peer.sendRaw(new byte[] {0x16, 0x03, 0x01, (byte) 0xFF, (byte) 0xFF, 0x01, 0x00, 0x00});
            closesQuickly(peer);
        }
    }

    @Test
    void aTls12RenegotiationIsRefused() throws Exception {
        try (TlsPeer peer = TlsPeer.unstarted(server.port(), TestCertificates.LOCALHOST.trusting(), "TLSv1.2")) {
            peer.handshake();
            peer.write(RawClient.upgradeRequest("/").getBytes(StandardCharsets.ISO_8859_1));
            assertThat(peer.readHead()).startsWith("HTTP/1.1 101");
            peer.ssl.beginHandshake();
            ByteBuffer hello = ByteBuffer.allocate(1 << 15);
            peer.ssl.wrap(ByteBuffer.allocate(0), hello);
            peer.sendRaw(Arrays.copyOf(hello.array(), hello.position()));
            closesQuickly(peer);
        }
    }

    @Test
    void aClientHelloForSsl3() throws Exception {
        try (TlsPeer peer = TlsPeer.unstarted(server.port(), TestCertificates.LOCALHOST.trusting(), "TLSv1.2")) {
            peer.ssl.beginHandshake();
            ByteBuffer hello = ByteBuffer.allocate(1 << 15);
            peer.ssl.wrap(ByteBuffer.allocate(0), hello);
            byte[] bytes = Arrays.copyOf(hello.array(), hello.position());
            bytes[9] = 0x03; // legacy client_version 3.0: SSL 3.0, which no JDK enables
            bytes[10] = 0x00;
            assertThat(offerOnlySsl3(bytes)).as("a supported_versions extension rewritten").isTrue();
            peer.sendRaw(bytes);
            closesQuickly(peer);
        }
    }

    /** Rewrites every version the ClientHello's supported_versions extension (type 43) lists to SSL 3.0. */
    private static boolean offerOnlySsl3(byte[] hello) {
        for (int i = 5 + 4 + 2 + 32; i + 6 < hello.length; i++) {
            int listLength = hello[i + 4] & 0xFF;
            boolean extension = hello[i] == 0 && hello[i + 1] == 43 && hello[i + 2] == 0
                    && (hello[i + 3] & 0xFF) == listLength + 1 && listLength % 2 == 0 && hello[i + 5] == 0x03;
            if (extension) {
                for (int v = i + 5; v < i + 5 + listLength; v += 2) {
                    hello[v] = 0x03;
                    hello[v + 1] = 0x00;
                }
                return true;
            }
        }
        return false;
    }
}
