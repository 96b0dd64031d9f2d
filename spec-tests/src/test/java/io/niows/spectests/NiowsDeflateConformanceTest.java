package io.niows.spectests;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocketServer;
import io.niows.spectests.cases.CaseCatalog;
import io.niows.spectests.cases.FuzzCase;
import io.niows.spectests.report.ReportWriter;
import io.niows.spectests.run.CaseResult;
import io.niows.spectests.run.FuzzingClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The permessage-deflate gate for the niows server: the niows echo server, started in-process
 * on 127.0.0.1 with its default settings, must pass every case of groups 12 and 13 strictly
 * (OK, close OK). Each case sends {@code niows.spectests.deflateMessages} messages (default 100;
 * 1000 is Autobahn's count and takes about ten times as long), every size, fragment size and offer
 * of the catalogue kept. The report is written to {@code target/deflate-conformance}.
 */
@Timeout(900)
class NiowsDeflateConformanceTest {
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
    void niowsEchoServerPassesEveryDeflateCaseStrictly() throws Exception {
        int messages = Integer.getInteger("niows.spectests.deflateMessages", 100);
        List<FuzzCase> cases = CaseCatalog.all(1.0, messages).select(CaseCatalog.DEFLATE_GROUPS, List.of());
        FuzzingClient client = new FuzzingClient(URI.create("ws://127.0.0.1:" + server.port() + "/"), "niows", 4);
        List<CaseResult> results = client.run(cases, r -> { });
        ReportWriter.write(Path.of("target", "deflate-conformance"), "niows", results);

        assertThat(results).hasSize(216);
        assertThat(StrictVerdicts.notStrict(results))
                .as("cases not passed strictly (details in target/deflate-conformance)").isEmpty();
    }
}
