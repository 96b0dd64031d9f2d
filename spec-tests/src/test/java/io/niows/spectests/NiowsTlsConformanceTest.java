package io.niows.spectests;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.TlsContexts;
import io.niows.WebSocketServer;
import io.niows.spectests.cases.CaseCatalog;
import io.niows.spectests.cases.FuzzCase;
import io.niows.spectests.report.ReportWriter;
import io.niows.spectests.run.CaseResult;
import io.niows.spectests.run.FuzzingClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The conformance gate over TLS: the niows echo server on {@code wss://127.0.0.1}, with a
 * self-signed certificate {@code keytool} makes for this run, must pass every case of groups 1-7
 * and 10 strictly, played through {@code --insecure} TLS (the JDK's {@code SSLSocket}). Group 9
 * (speed) and groups 12-13 (compression) add nothing TLS-specific and stay in the plain gates.
 * The report is written to {@code target/conformance-tls}.
 */
@Timeout(300)
class NiowsTlsConformanceTest {
    private static Path certificates;
    private static WebSocketServer server;

    @BeforeAll
    static void startServer() throws Exception {
        certificates = Files.createTempDirectory("niows-spec-tls");
        Path keystore = certificates.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool ends").isTrue();
        assertThat(keytool.exitValue()).as("keytool: " + output).isZero();
        server = WebSocketServer.builder().host("127.0.0.1").port(0).defaultRoute(new EchoHandler())
                .maxMessageSize(64L << 20)
                .tls(TlsContexts.fromPkcs12(keystore, "changeit".toCharArray()))
                .build().start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
        if (certificates != null) {
            try (Stream<Path> files = Files.walk(certificates)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void niowsEchoServerPassesGroups1To7And10StrictlyOverTls() throws Exception {
        List<FuzzCase> cases = CaseCatalog.all(1.0).select(List.of("1.*", "2.*", "3.*", "4.*", "5.*", "6.*", "7.*",
                "10.*"), List.of());
        FuzzingClient client = new FuzzingClient(URI.create("wss://127.0.0.1:" + server.port() + "/"), "niows-tls", 4,
                true);
        List<CaseResult> results = client.run(cases, r -> { });
        ReportWriter.write(Path.of("target", "conformance-tls"), "niows-tls", results);

        assertThat(results).as("cases played").hasSize(cases.size());
        assertThat(StrictVerdicts.notStrict(results))
                .as("cases not passed strictly over TLS (details in target/conformance-tls)").isEmpty();
    }
}
