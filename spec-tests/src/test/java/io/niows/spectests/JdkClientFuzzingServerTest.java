package io.niows.spectests;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.spectests.cases.CaseCatalog;
import io.niows.spectests.cases.FuzzCase;
import io.niows.spectests.cases.Verdict;
import io.niows.spectests.report.ExpectedResults;
import io.niows.spectests.run.CaseResult;
import io.niows.spectests.run.FuzzingServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An independent client against our fuzzing server: the JDK's {@code java.net.http.WebSocket}
 * as an echo client, to show the server judges a client we did not write fairly. The JDK
 * client's own non-conformances are recorded, not asserted: the test asserts only that every
 * case of groups 1-7, 9 (sizes scaled by {@code niows.spectests.clientSizeScale}, default 0.1)
 * and 10 was played and judged, and that the report was written to
 * {@code target/jdk-client/<agent>/}. The verdicts go to {@code target/jdk-client/jdk-client.txt}
 * and a table by group and verdict to standard output ({@code spec-tests/README.md} records it).
 */
@Timeout(600)
class JdkClientFuzzingServerTest {
    private static final String AGENT = "jdk" + Runtime.version().feature();
    private static final Path OUT = Path.of("target", "jdk-client");
    private static final long CASE_SECONDS = 30;

    /**
     * Echoes every message back, the way the JDK client must be driven: messages arrive in
     * parts (the {@code last} flag), one part per {@code request(1)}, and a send may start only
     * when the previous one has completed, so sends are chained. The JDK answers pings and the
     * closing handshake itself. Its listener methods are called one at a time.
     */
    private static final class JdkEcho implements WebSocket.Listener {
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
        private CompletableFuture<WebSocket> sending;
        private String firstText = "";

        @Override
        public void onOpen(WebSocket ws) {
            sending = CompletableFuture.completedFuture(ws);
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence part, boolean last) {
            text.append(part);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                if (firstText.isEmpty()) {
                    firstText = message;
                }
                sending = sending.thenCompose(w -> w.sendText(message, true));
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer part, boolean last) {
            byte[] bytes = new byte[part.remaining()];
            part.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                ByteBuffer message = ByteBuffer.wrap(binary.toByteArray());
                binary.reset();
                sending = sending.thenCompose(w -> w.sendBinary(message, true));
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            closed.complete(firstText);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(firstText);
        }
    }

    @Test
    void jdkClientPlaysEveryCaseAndGetsAReport() throws Exception {
        double scale = Double.parseDouble(System.getProperty("niows.spectests.clientSizeScale", "0.1"));
        List<FuzzCase> cases = CaseCatalog.all(scale).select(List.of("*"), CaseCatalog.DEFLATE_GROUPS);
        List<CaseResult> results;
        try (FuzzingServer server = new FuzzingServer(0, true, cases, OUT, r -> { })) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            URI base = URI.create("ws://127.0.0.1:" + server.port());
            assertThat(Integer.parseInt(visit(http, base, "/getCaseCount", CASE_SECONDS))).isEqualTo(cases.size());
            for (int i = 1; i <= cases.size(); i++) {
                long seconds = cases.get(i - 1).timeoutMillis() / 1000 + 10;
                visit(http, base, "/runCase?case=" + i + "&agent=" + AGENT, seconds);
            }
            visit(http, base, "/updateReports?agent=" + AGENT, CASE_SECONDS);
            results = server.results().getOrDefault(AGENT, List.of());
        }
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("jdk-client.txt"), ExpectedResults.format(results), StandardCharsets.UTF_8);
        Summary.print(results, System.out);
        results.stream().filter(r -> r.behavior() != Verdict.OK || r.behaviorClose() != Verdict.OK)
                .forEach(r -> System.out.println(r.id() + " " + r.behavior().label() + " / close "
                        + r.behaviorClose().label() + ": " + r.result() + "; " + r.resultClose()));

        assertThat(results).extracting(CaseResult::id)
                .containsExactlyElementsOf(cases.stream().map(FuzzCase::id).collect(Collectors.toList()));
        assertThat(OUT.resolve(AGENT).resolve("index.json")).exists();
    }

    /**
     * One connection: echoes until the JDK reports the close (or an error); returns the first
     * text message. A case's connection is given the case's own time limit and ten seconds more,
     * so that the fuzzing server has judged it before the next case starts (on a busy machine a
     * fixed 30 s let the server close before the slowest case's result was in). A connection that
     * does not end in time is abandoned.
     */
    private static String visit(HttpClient http, URI base, String pathAndQuery, long seconds) throws Exception {
        JdkEcho echo = new JdkEcho();
        http.newWebSocketBuilder().buildAsync(URI.create(base + pathAndQuery), echo).get(10, TimeUnit.SECONDS);
        return echo.closed.completeOnTimeout("", seconds, TimeUnit.SECONDS).get();
    }
}
