package io.niows.spectests;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocketServer;
import io.niows.spectests.cases.CaseCatalog;
import io.niows.spectests.cases.FuzzCase;
import io.niows.spectests.cases.Verdict;
import io.niows.spectests.report.ExpectedResults;
import io.niows.spectests.report.ReportWriter;
import io.niows.spectests.run.CaseResult;
import io.niows.spectests.run.FuzzingClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The conformance gate of our own build: the niows echo server, started in-process on
 * 127.0.0.1, must pass every case of groups 1-7, 9 and 10 strictly (OK, or INFORMATIONAL
 * where Autobahn only informs), and match {@code expected/niows.txt} verdict for verdict.
 * Group 9 message sizes are scaled by the system property {@code niows.spectests.sizeScale}
 * (default 1.0, Autobahn's sizes). The report is written to {@code target/conformance}.
 */
@Timeout(300)
class NiowsConformanceTest {
    private static WebSocketServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = WebSocketServer.builder().host("127.0.0.1").port(0).defaultRoute(new EchoHandler())
                .maxMessageSize(64L << 20).build().start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void niowsEchoServerPassesEveryCaseStrictly() throws Exception {
        double scale = Double.parseDouble(System.getProperty("niows.spectests.sizeScale", "1.0"));
        List<FuzzCase> cases = CaseCatalog.all(scale).select(List.of("*"), CaseCatalog.DEFLATE_GROUPS);
        FuzzingClient client = new FuzzingClient(URI.create("ws://127.0.0.1:" + server.port() + "/"), "niows", 4);
        List<CaseResult> results = client.run(cases, r -> { });
        ReportWriter.write(Path.of("target", "conformance"), "niows", results);

        Map<String, Verdict[]> expected = ExpectedResults.read(Path.of("expected", "niows.txt"));
        List<String> diff = ExpectedResults.diff(expected, results);
        assertThat(StrictVerdicts.notStrict(results)).as("cases not passed strictly (details in target/conformance)")
                .isEmpty();
        assertThat(diff).as("differences from expected/niows.txt").isEmpty();
    }
}
