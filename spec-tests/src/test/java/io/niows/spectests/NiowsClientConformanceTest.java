package io.niows.spectests;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocket;
import io.niows.WebSocketClient;
import io.niows.WebSocketHandler;
import io.niows.spectests.cases.CaseCatalog;
import io.niows.spectests.cases.FuzzCase;
import io.niows.spectests.cases.Verdict;
import io.niows.spectests.report.ExpectedResults;
import io.niows.spectests.run.CaseResult;
import io.niows.spectests.run.FuzzingServer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client half of the conformance gate: the fuzzing server, started in-process on
 * 127.0.0.1, plays every case of groups 1-7, 9 and 10 against the niows client, which echoes
 * every message back, Autobahn's way ({@code /getCaseCount}, {@code /runCase},
 * {@code /updateReports}). Every case must pass strictly (OK, or INFORMATIONAL where Autobahn
 * only informs), and the verdicts must match {@code expected/niows-client.txt}. Group 9 message
 * sizes are scaled by the system property {@code niows.spectests.clientSizeScale} (default 0.1;
 * 1.0 is Autobahn's sizes and takes about 20 s). The report is written to
 * {@code target/client-conformance/niows/}, the verdicts to
 * {@code target/client-conformance/niows-client.txt}.
 */
@Timeout(120)
class NiowsClientConformanceTest {
    private static final String AGENT = "niows";
    private static final Path OUT = Path.of("target", "client-conformance");
    private static final long CASE_SECONDS = 30;

    /** Echoes every text and binary message back; completes when the connection has closed. */
    private static final class Echo implements WebSocketHandler {
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private String firstText = "";

        @Override
        public void onText(WebSocket ws, String text) {
            if (firstText.isEmpty()) {
                firstText = text;
            }
            ws.sendText(text);
        }

        @Override
        public void onBinary(WebSocket ws, ByteBuffer data) {
            ws.handOverBinary(data); // the message's buffer is the handler's: echoed without a copy
        }

        @Override
        public void onClose(WebSocket ws, int code, String reason, boolean remote) {
            closed.complete(firstText);
        }
    }

    @Test
    void niowsClientPassesEveryFuzzingServerCaseStrictly() throws Exception {
        double scale = Double.parseDouble(System.getProperty("niows.spectests.clientSizeScale", "0.1"));
        List<FuzzCase> cases = CaseCatalog.all(scale).select(List.of("*"), CaseCatalog.DEFLATE_GROUPS);
        Set<Thread> before = Thread.getAllStackTraces().keySet();

        List<CaseResult> results = playEveryCase(cases);

        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("niows-client.txt"), ExpectedResults.format(results), StandardCharsets.UTF_8);
        assertThat(results).extracting(CaseResult::id)
                .containsExactlyElementsOf(cases.stream().map(FuzzCase::id).collect(Collectors.toList()));
        assertThat(OUT.resolve(AGENT).resolve("index.json")).exists();
        Map<String, Verdict[]> expected = ExpectedResults.read(Path.of("expected", "niows-client.txt"));
        assertThat(StrictVerdicts.notStrict(results)).as("cases not passed strictly (details in " + OUT + ")")
                .isEmpty();
        assertThat(ExpectedResults.diff(expected, results)).as("differences from expected/niows-client.txt")
                .isEmpty();
        assertThat(threadsStartedSince(before)).as("threads left running").isEmpty();
    }

    /** Plays the fuzzing server's cases with the niows client; both are closed on return. */
    private static List<CaseResult> playEveryCase(List<FuzzCase> cases) throws Exception {
        try (FuzzingServer server = new FuzzingServer(0, true, cases, OUT, r -> { });
                WebSocketClient client = WebSocketClient.builder()
                        .maxMessageSize(64L << 20)
                        .maxQueuedBytes(256L << 20)
                        .handshakeTimeout(Duration.ofSeconds(10))
                        .build()) {
            URI base = URI.create("ws://127.0.0.1:" + server.port());
            int count = Integer.parseInt(visit(client, base, "/getCaseCount"));
            assertThat(count).isEqualTo(cases.size());
            for (int i = 1; i <= count; i++) {
                visit(client, base, "/runCase?case=" + i + "&agent=" + AGENT);
            }
            visit(client, base, "/updateReports?agent=" + AGENT);
            return server.results().getOrDefault(AGENT, List.of());
        }
    }

    /** One connection: echoes until it closes; returns the first text message received. */
    private static String visit(WebSocketClient client, URI base, String pathAndQuery) throws Exception {
        Echo echo = new Echo();
        client.connect(URI.create(base + pathAndQuery), echo).get(10, TimeUnit.SECONDS);
        try {
            return echo.closed.get(CASE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(pathAndQuery + ": the connection did not close within " + CASE_SECONDS + " s", e);
        }
    }

    private static List<String> threadsStartedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .filter(t -> t.getName().startsWith("fuzz") || t.getName().startsWith("niows-client"))
                .map(Thread::getName)
                .collect(Collectors.toList());
    }
}
