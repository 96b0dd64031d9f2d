package io.niows.examples;

import io.niows.WebSocket;
import io.niows.WebSocketClient;
import io.niows.WebSocketHandler;
import java.io.PrintStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The client side of an Autobahn-style fuzzing server run ({@code niows-spec-tests.jar
 * fuzzingserver}, or Autobahn's own): asks for the case count, plays every case by echoing each
 * message back, then asks the server to write its reports.
 *
 * <p>Not thread-safe: one run at a time.
 */
public final class AutobahnEchoClient {

    private static final long CASE_TIMEOUT_SECONDS = 60;

    private final URI base;
    private final String agent;
    private final PrintStream log;

    /**
     * @param base the fuzzing server, such as {@code ws://127.0.0.1:9003}
     * @param agent the name the reports file the results under
     */
    public AutobahnEchoClient(URI base, String agent, PrintStream log) {
        this.base = base;
        this.agent = agent;
        this.log = log;
    }

    /** Echoes every text and binary message back, and completes when the connection closes. */
    private static final class Echo implements WebSocketHandler {
        final CompletableFuture<String> closed = new CompletableFuture<>();
        final StringBuilder firstText = new StringBuilder();

        @Override
        public void onText(WebSocket ws, String text) {
            if (firstText.length() == 0) {
                firstText.append(text);
            }
            ws.sendText(text);
        }

        @Override
        public void onBinary(WebSocket ws, ByteBuffer data) {
            ws.handOverBinary(data); // the message's buffer is the handler's: echoed without a copy
        }

        @Override
        public void onClose(WebSocket ws, int code, String reason, boolean remote) {
            closed.complete(firstText.toString());
        }
    }

    /**
     * Runs every case.
     *
     * @return the number of cases played
     */
    public int run() throws Exception {
        try (WebSocketClient client = WebSocketClient.builder()
                .maxMessageSize(64L << 20)
                .maxQueuedBytes(256L << 20)
                .handshakeTimeout(Duration.ofSeconds(10))
                .build()) {
            int count = Integer.parseInt(visit(client, "/getCaseCount").trim());
            for (int i = 1; i <= count; i++) {
                visit(client, "/runCase?case=" + i + "&agent=" + agent);
                log.println("case " + i + " of " + count + " played");
            }
            visit(client, "/updateReports?agent=" + agent);
            return count;
        }
    }

    private String visit(WebSocketClient client, String pathAndQuery) throws Exception {
        Echo echo = new Echo();
        URI uri = URI.create(base.toString().replaceAll("/+$", "") + pathAndQuery);
        try {
            client.connect(uri, echo).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            log.println(pathAndQuery + ": " + e.getCause().getMessage());
            return "";
        }
        return echo.closed.get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
