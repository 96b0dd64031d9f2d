package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.HttpResponse;
import io.niows.TlsContexts;
import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server over TLS: {@code wss://} and {@code https://} on one port, on the same loops as
 * plain connections, against the JDK's own clients and against {@link TlsPeer}, which controls
 * every ciphertext byte.
 */
@Timeout(60)
class TlsServerTest {

    private static WebSocketServer server;
    private static ExecutorService executor;
    private static HttpClient https;

    /** Close codes the server's "/closes" route saw, with whether the peer closed. */
    private static final BlockingQueue<String> closes = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        server = Servers.loopback().defaultRoute(Servers.ECHO).maxMessageSize(32L << 20)
                .route("/closes", new WebSocketHandler() {
                    @Override
                    public void onClose(WebSocket ws, int code, String reason, boolean remote) {
                        closes.add(code + " " + remote);
                    }
                })
                .fallback(request -> HttpResponse.text(200, "hello over https " + request.path()))
                .handshakeTimeout(Duration.ofSeconds(2))
                .tls(TestCertificates.LOCALHOST.server())
                .build().start();
        executor = Executors.newFixedThreadPool(2);
        https = HttpClient.newBuilder().executor(executor).sslContext(TestCertificates.LOCALHOST.trusting()).build();
    }

    @AfterAll
    static void stop() {
        server.close();
        executor.shutdownNow();
    }

    @Test
    void theJdkWebSocketClientEchoesOverWss() throws Exception {
        byte[] big = new byte[1 << 20];
        new Random(7).nextBytes(big);
        JdkClient c = new JdkClient();
        c.ws = https.newWebSocketBuilder()
                .buildAsync(URI.create("wss://localhost:" + server.port() + "/echo"), c)
                .get(10, TimeUnit.SECONDS);
        try (c) {
            c.ws.sendText("hello over wss", true).get(10, TimeUnit.SECONDS);
            assertThat(c.next()).isEqualTo("hello over wss");
            c.ws.sendBinary(ByteBuffer.wrap(big), true).get(10, TimeUnit.SECONDS);
            assertThat((byte[]) c.next()).isEqualTo(big);
            c.ws.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
            assertThat(c.closed.get(10, TimeUnit.SECONDS).code()).isEqualTo(1000);
        }
    }

    @Test
    void theFallbackServesHttpsOnTheSamePort() throws Exception {
        var response = https.send(HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/page"))
                .timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello over https /page\n");
    }

    @Test
    void aContextFromPemFilesServesTheSameCertificate() throws Exception {
        SSLContext pem = TlsContexts.fromPem(TestCertificates.LOCALHOST.certificatePem,
                TestCertificates.LOCALHOST.keyPem);
        try (WebSocketServer pemServer = Servers.loopback().defaultRoute(Servers.ECHO).tls(pem).build().start();
                TlsPeer peer = TlsPeer.open(pemServer.port(), TestCertificates.LOCALHOST.trusting(), "/")) {
            peer.write(RawClient.text("pem"));
            assertThat(peer.readFrame().text()).isEqualTo("pem");
        }
    }

    @Test
    void aPkcs1KeyIsRefusedWithHowToConvertIt() throws Exception {
        Path pkcs1 = Files.createTempFile("niows", ".pem");
        try {
            Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
            assertThatThrownBy(() -> TlsContexts.fromPem(TestCertificates.LOCALHOST.certificatePem, pkcs1))
                    .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
        } finally {
            Files.delete(pkcs1);
        }
    }

    @Test
    void aRecordCutAtEveryByteIsReadWhole() throws Exception {
        try (TlsPeer peer = TlsPeer.open(server.port(), TestCertificates.LOCALHOST.trusting(), "/")) {
            byte[] records = peer.records(RawClient.text("the first message"));
            for (int cut = 1; cut < records.length; cut++) {
                String text = "cut at " + cut;
                byte[] next = peer.records(RawClient.text(text));
                byte[] both = new byte[records.length + next.length];
                System.arraycopy(records, 0, both, 0, records.length);
                System.arraycopy(next, 0, both, records.length, next.length);
                peer.sendRaw(Arrays.copyOfRange(both, 0, cut));
                Thread.sleep(1);
                peer.sendRaw(Arrays.copyOfRange(both, cut, records.length));
                assertThat(peer.readFrame().text()).isNotEmpty();
                records = next;
            }
        }
    }

    @Test
    void afterTheCloseHandshakeTheServerSendsCloseNotifyThenCloses() throws Exception {
        try (TlsPeer peer = TlsPeer.open(server.port(), TestCertificates.LOCALHOST.trusting(), "/")) {
            peer.write(RawClient.close(1000, "done"));
            assertThat(peer.readFrame().closeCode()).isEqualTo(1000);
            assertThat(peer.endsWithCloseNotify()).isTrue();
        }
    }

    @Test
    void aPeerThatDropsTcpWithoutCloseNotifyIsReportedAs1006() throws Exception {
        TlsPeer peer = TlsPeer.open(server.port(), TestCertificates.LOCALHOST.trusting(), "/closes");
        peer.close();
        assertThat(closes.poll(10, TimeUnit.SECONDS)).isEqualTo("1006 true");
    }

    @Test
    void halfAClientHelloIsDroppedWhenTheHandshakeTimeoutPasses() throws Exception {
        try (TlsPeer peer = TlsPeer.unstarted(server.port(), TestCertificates.LOCALHOST.trusting())) {
            peer.ssl.beginHandshake();
            ByteBuffer hello = ByteBuffer.allocate(1 << 15);
            peer.ssl.wrap(ByteBuffer.allocate(0), hello);
            peer.sendRaw(Arrays.copyOf(hello.array(), hello.position() / 2));
            long start = System.nanoTime();
            assertThat(peer.serverClosedTcp()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void textOverTlsIsUtf8Checked() throws Exception {
        try (TlsPeer peer = TlsPeer.open(server.port(), TestCertificates.LOCALHOST.trusting(), "/")) {
            peer.write(RawClient.frame(0x81, new byte[] {(byte) 0xC0, (byte) 0x80}, true));
            assertThat(peer.readFrame().closeCode()).isEqualTo(1007);
        }
    }
}
