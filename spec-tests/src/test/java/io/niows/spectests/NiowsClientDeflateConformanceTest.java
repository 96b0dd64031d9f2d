package io.niows.spectests;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocket;
import io.niows.WebSocketClient;
import io.niows.WebSocketHandler;
import io.niows.spectests.cases.CaseCatalog;
import io.niows.spectests.cases.FuzzCase;
import io.niows.spectests.run.CaseResult;
import io.niows.spectests.run.FuzzingServer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The permessage-deflate gate for the niows client: the fuzzing server, started in-process on
 * 127.0.0.1, plays cases of groups 12 and 13 against the niows client with its default settings,
 * which echoes every message. It plays all 216 cases of the two groups (about 70 s on a shared
 * 2-core machine); {@code -Dniows.spectests.clientDeflateCases=12.1.*} plays a selection. Each case
 * sends {@code niows.spectests.deflateMessages} messages (default 100; Autobahn's is
 * 1000). Every case played must pass strictly. The report goes to
 * {@code target/client-deflate-conformance/niows/}.
 */
@Timeout(900)
class NiowsClientDeflateConformanceTest {
    private static final String AGENT = "niows";
    private static final Path OUT = Path.of("target", "client-deflate-conformance");

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
    void niowsClientPassesTheDeflateCasesStrictly() throws Exception {
        int messages = Integer.getInteger("niows.spectests.deflateMessages", 100);
        List<String> selection = List.of(System.getProperty("niows.spectests.clientDeflateCases",
                "12.*,13.*").split(","));
        List<FuzzCase> cases = CaseCatalog.all(1.0, messages).select(selection, List.of());

        List<CaseResult> results = playEveryCase(cases);

        assertThat(results).extracting(CaseResult::id).containsExactlyElementsOf(ids(cases));
        assertThat(StrictVerdicts.notStrict(results)).as("cases not passed strictly (details in " + OUT + ")")
                .isEmpty();
    }

    private static List<String> ids(List<FuzzCase> cases) {
        List<String> ids = new ArrayList<>();
        cases.forEach(c -> ids.add(c.id()));
        return ids;
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
            assertThat(Integer.parseInt(visit(client, base, "/getCaseCount", 30))).isEqualTo(cases.size());
            for (int i = 1; i <= cases.size(); i++) {
                long limit = cases.get(i - 1).timeoutMillis() / 1000 + 10;
                visit(client, base, "/runCase?case=" + i + "&agent=" + AGENT, limit);
            }
            visit(client, base, "/updateReports?agent=" + AGENT, 30);
            return server.results().getOrDefault(AGENT, List.of());
        }
    }

    /** One connection: echoes until it closes; returns the first text message received. */
    private static String visit(WebSocketClient client, URI base, String pathAndQuery, long seconds) throws Exception {
        Echo echo = new Echo();
        client.connect(URI.create(base + pathAndQuery), echo).get(10, TimeUnit.SECONDS);
        try {
            return echo.closed.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(pathAndQuery + ": the connection did not close within " + seconds + " s", e);
        }
    }
}
