package io.niows.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocketServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The examples over TLS as their command line starts them, {@code --tls-cert FILE --tls-key FILE}
 * with a certificate {@code openssl} makes as README shows: echo and broadcast over {@code wss://},
 * the chat page over {@code https://}.
 */
@Timeout(60)
class TlsExamplesTest {

    private static Path dir;
    private static Path cert;
    private static Path key;
    private static SSLContext trusting;

    @BeforeAll
    static void certificate() throws Exception {
        dir = Files.createTempDirectory("niows-examples-tls-");
        cert = dir.resolve("cert.pem");
        key = dir.resolve("key.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1").redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).as("openssl ends").isTrue();
        assertThat(openssl.exitValue()).as("openssl: " + output).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            store.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, trust.getTrustManagers(), null);
    }

    @AfterAll
    static void clean() throws Exception {
        for (Path p : new Path[] {cert, key, dir}) {
            Files.deleteIfExists(p);
        }
    }

    private static WebSocketServer start(String command) throws Exception {
        return Main.start(CommandLine.parse(command, "--port", "0", "--tls-cert", cert.toString(),
                "--tls-key", key.toString()));
    }

    @Test
    void echoOverWss() throws Exception {
        try (WebSocketServer server = start("echo")) {
            EchoServerTest.echoesTextAndBinaryInOrder(URI.create("wss://localhost:" + server.port() + "/"), trusting);
        }
    }

    @Test
    void broadcastOverWss() throws Exception {
        try (WebSocketServer server = start("broadcast");
                TestClient ann = TestClient.connect(URI.create("wss://localhost:" + server.port() + "/"), trusting);
                TestClient bob = TestClient.connect(URI.create("wss://localhost:" + server.port() + "/"), trusting)) {
            ann.sendText("to everyone");
            assertThat(ann.nextText()).isEqualTo("to everyone");
            assertThat(bob.nextText()).isEqualTo("to everyone");
        }
    }

    @Test
    void theChatPageOverHttps() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try (WebSocketServer server = start("chat")) {
            HttpClient https = HttpClient.newBuilder().executor(executor).sslContext(trusting).build();
            HttpRequest get = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/")).build();
            HttpResponse<String> page = https.send(get, HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<html");
        } finally {
            executor.shutdownNow();
        }
    }
}
