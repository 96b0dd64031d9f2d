package io.niows.spectests;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocketServer;
import io.niows.examples.trace.TraceProxy;
import io.niows.spectests.cases.CaseCatalog;
import io.niows.spectests.cases.FuzzCase;
import io.niows.spectests.cases.Verdict;
import io.niows.spectests.report.ExpectedResults;
import io.niows.spectests.report.ReportWriter;
import io.niows.spectests.run.CaseResult;
import io.niows.spectests.run.FuzzingClient;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The tracing proxy ({@code niows-examples.jar trace}) is transparent: the fuzzing client plays
 * groups 1-7 and 10 through it against the niows echo server, and every verdict is the one
 * {@code expected/niows.txt} holds for the server reached directly. The proxy's trace goes to
 * {@code target/conformance-traced/trace.txt}, the report next to it.
 */
@Timeout(240)
class TracingProxyConformanceTest {

    private static final List<String> GROUPS = List.of("1.*", "2.*", "3.*", "4.*", "5.*", "6.*", "7.*", "10.*");

    @Test
    void relayingThroughTheTracingProxyChangesNoVerdict() throws Exception {
        Path out = Path.of("target", "conformance-traced");
        Files.createDirectories(out);
        AtomicLong frameLines = new AtomicLong();
        WebSocketServer server = WebSocketServer.builder().host("127.0.0.1").port(0).defaultRoute(new EchoHandler())
                .maxMessageSize(64L << 20).build().start();
        try (BufferedWriter trace = Files.newBufferedWriter(out.resolve("trace.txt"), StandardCharsets.UTF_8);
                TraceProxy proxy = TraceProxy.start("127.0.0.1", 0, URI.create("ws://127.0.0.1:" + server.port() + "/"),
                        false, line -> write(trace, line, frameLines))) {
            List<FuzzCase> cases = CaseCatalog.all(1.0).select(GROUPS, List.of());
            FuzzingClient client = new FuzzingClient(URI.create("ws://127.0.0.1:" + proxy.port() + "/"), "niows", 4);
            List<CaseResult> results = client.run(cases, r -> { });
            ReportWriter.write(out, "niows-traced", results);

            Map<String, Verdict[]> expected = ExpectedResults.read(Path.of("expected", "niows.txt"));
            assertThat(results).hasSize(cases.size());
            assertThat(ExpectedResults.diff(expected, results)).as("verdicts changed by the proxy").isEmpty();
            assertThat(StrictVerdicts.notStrict(results)).isEmpty();
        } finally {
            server.close();
        }
        assertThat(frameLines.get()).as("frames traced").isGreaterThan(1000);
    }

    private static void write(BufferedWriter trace, String line, AtomicLong frameLines) {
        try {
            trace.write(line);
            trace.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (line.contains(" FIN ") || line.contains(" --- ")) {
            frameLines.incrementAndGet();
        }
    }
}
