package io.niows.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocketServer;
import io.niows.examples.TestClient;
import io.niows.examples.json.JsonWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The chat serves its metrics at /metrics in the Prometheus text format, counting the room's traffic. */
@Timeout(60)
class ChatMetricsPageTest {

    /** A sample line: a name, optional labels, a number. */
    private static final Pattern SAMPLE = Pattern.compile("([a-z_]+)(\\{[a-z]+=\"[^\"]*\"})? (\\S+)");

    private WebSocketServer server;
    private ExecutorService executor;
    private HttpClient http;
    private final List<TestClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = ChatServer.start("127.0.0.1", 0);
        executor = Executors.newSingleThreadExecutor();
        http = HttpClient.newBuilder().executor(executor).connectTimeout(TestClient.TIMEOUT).build();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            for (TestClient c : clients) {
                c.close();
            }
            server.close();
        } finally {
            executor.shutdownNow();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(TestClient.TIMEOUT).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Every sample of the page by name and labels; fails on a line that is neither a sample nor a comment. */
    private static Map<String, Double> samples(String body) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : body.split("\n")) {
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertThat(m.matches()).as("a sample line: %s", line).isTrue();
            String labels = m.group(2) == null ? "" : m.group(2);
            samples.put(m.group(1) + labels, Double.parseDouble(m.group(3)));
        }
        return samples;
    }

    /** Reads /metrics until {@code name} has {@code value}, at most 10 s; returns the last samples. */
    private Map<String, Double> awaitSample(String name, double value) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Map<String, Double> samples = samples(get("/metrics").body());
        while (!Double.valueOf(value).equals(samples.get(name)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            samples = samples(get("/metrics").body());
        }
        return samples;
    }

    @Test
    void thePageCountsTheRoomsConnectionsMessagesAndCloses() throws Exception {
        HttpResponse<String> empty = get("/metrics");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.headers().firstValue("Content-Type")).hasValue(PrometheusText.CONTENT_TYPE);
        assertThat(empty.body()).contains("# TYPE niows_chat_connections_open gauge\n",
                "# TYPE niows_chat_messages_received_total counter\n",
                "# TYPE niows_chat_ping_round_trip_seconds histogram\n");
        assertThat(samples(empty.body())).containsEntry("niows_chat_connections_open", 0.0)
                .containsEntry("niows_chat_ping_round_trip_seconds_bucket{le=\"+Inf\"}", 0.0);

        TestClient ann = TestClient.connect(URI.create("ws://127.0.0.1:" + server.port() + ChatServer.PATH));
        clients.add(ann);
        ann.sendText(JsonWriter.write(JsonWriter.object("type", "join", "name", "ann")));
        ann.nextText(); // welcome
        ann.sendText(JsonWriter.write(JsonWriter.object("type", "say", "text", "hello")));
        ann.nextText(); // her own message, broadcast back

        Map<String, Double> open = awaitSample("niows_chat_messages_received_total", 2);
        assertThat(open).containsEntry("niows_chat_connections_open", 1.0)
                .containsEntry("niows_chat_messages_sent_total", 2.0)
                .containsEntry("niows_chat_queued_bytes", 0.0);
        // the page's own requests are plain HTTP: accepted, never opened
        assertThat(open.get("niows_chat_connections_accepted_total")).isGreaterThanOrEqualTo(2.0);
        assertThat(open).containsEntry("niows_chat_connections_opened_total", 1.0);

        ann.close();
        Map<String, Double> closed = awaitSample("niows_chat_connections_open", 0);
        assertThat(closed).containsEntry("niows_chat_connections_open", 0.0)
                .containsEntry("niows_chat_close_frames_received_total{code=\"1000\"}", 1.0)
                .containsEntry("niows_chat_close_frames_sent_total{code=\"1000\"}", 1.0);
    }

    @Test
    void aRefusedHandshakeShowsUpByStatus() throws Exception {
        HttpResponse<String> notFound = get("/nothing-here");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(awaitSample("niows_chat_handshakes_refused_total{status=\"404\"}", 1))
                .containsEntry("niows_chat_handshakes_refused_total{status=\"404\"}", 1.0);
    }

    @Test
    void onlyGetIsAnswered() throws Exception {
        HttpRequest delete = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                .DELETE().timeout(TestClient.TIMEOUT).build();
        HttpResponse<String> answer = http.send(delete, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.headers().firstValue("Allow")).hasValue("GET");
    }
}
