package io.niows.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocketServer;
import io.niows.examples.TestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The chat server answers plain HTTP with its page, from the same port as its WebSocket. */
@Timeout(60)
class ChatPageServingTest {

    private WebSocketServer server;
    private ExecutorService executor;
    private HttpClient http;

    @BeforeEach
    void start() throws Exception {
        server = ChatServer.start("127.0.0.1", 0);
        executor = Executors.newSingleThreadExecutor();
        http = HttpClient.newBuilder().executor(executor).connectTimeout(TestClient.TIMEOUT).build();
    }

    @AfterEach
    void stop() throws InterruptedException {
        try {
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

    @Test
    void servesThePageAndItsAssets() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<title>niows chat</title>", "/chat.js", "/chat.css");

        HttpResponse<String> script = get("/chat.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(script.body()).contains("new WebSocket").doesNotContain("innerHTML");

        HttpResponse<String> style = get("/chat.css");
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
    }

    @Test
    void thePageLoadsNothingFromElsewhere() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.body()).doesNotContainPattern("(src|href)=\"(https?:)?//");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'self'"));
    }

    @Test
    void unknownPathsAre404() throws Exception {
        assertThat(get("/nope").statusCode()).isEqualTo(404);
        assertThat(get("/../../etc/passwd").statusCode()).isEqualTo(404);
        assertThat(get("/index.html.bak").statusCode()).isEqualTo(404);
    }
}
