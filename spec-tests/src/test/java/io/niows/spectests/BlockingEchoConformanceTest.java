package io.niows.spectests;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.examples.blocking.BlockingEchoServer;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The proof that the sans-I/O protocol layer is complete: the examples' {@link
 * BlockingEchoServer} (plain {@code java.net} sockets, a thread per connection, every RFC 6455
 * rule left to {@code io.niows.protocol.WebSocketEngine}), started in-process on 127.0.0.1, must
 * pass every case of groups 1-7, 9 and 10 strictly (OK, or INFORMATIONAL where Autobahn only
 * informs) with the same verdicts as the niows server ({@code expected/niows.txt}). Group 9
 * message sizes are scaled by the system property {@code niows.spectests.blockingSizeScale}
 * (default 0.1; 1.0 is Autobahn's sizes). The report is written to {@code
 * target/blocking-conformance}.
 */
@Timeout(300)
class BlockingEchoConformanceTest {
    private static final String AGENT = "niows-blocking";
    private static final Path OUT = Path.of("target", "blocking-conformance");

    @Test
    void blockingEchoPassesEveryCaseStrictly() throws Exception {
        double scale = Double.parseDouble(System.getProperty("niows.spectests.blockingSizeScale", "0.1"));
        List<FuzzCase> cases = CaseCatalog.all(scale).select(List.of("*"), CaseCatalog.DEFLATE_GROUPS);

        List<CaseResult> results;
        try (BlockingEchoServer server = BlockingEchoServer.start("127.0.0.1", 0)) {
            FuzzingClient client = new FuzzingClient(URI.create("ws://127.0.0.1:" + server.port() + "/"), AGENT, 4);
            results = client.run(cases, r -> { });
        }
        ReportWriter.write(OUT, AGENT, results);

        assertThat(results).extracting(CaseResult::id)
                .containsExactlyElementsOf(cases.stream().map(FuzzCase::id).collect(Collectors.toList()));
        assertThat(StrictVerdicts.notStrict(results)).as("cases not passed strictly (details in " + OUT + ")")
                .isEmpty();
        Map<String, Verdict[]> expected = ExpectedResults.read(Path.of("expected", "niows.txt"));
        assertThat(ExpectedResults.diff(expected, results)).as("differences from expected/niows.txt").isEmpty();
        assertThat(blockingEchoThreads()).as("the example's threads, after close()").isEmpty();
    }

    private static List<String> blockingEchoThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("blocking-echo"))
                .map(Thread::getName)
                .collect(Collectors.toList());
    }
}
