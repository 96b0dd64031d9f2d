package io.niows.examples.chat;

import static io.niows.examples.chat.TestRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.HttpResponse;
import io.niows.protocol.Header;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaticFilesTest {

    private final StaticFiles files = StaticFiles.chatPage();

    private HttpResponse get(String path) {
        return files.handle(request("GET", path, Map.of()));
    }

    @Test
    void servesThePageItsStyleAndItsScriptWithTheirTypes() {
        assertThat(get("/").contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(new String(get("/").body(), StandardCharsets.UTF_8)).contains("<!doctype html>");
        assertThat(get("/chat.css").contentType()).isEqualTo("text/css; charset=utf-8");
        assertThat(get("/chat.js").contentType()).isEqualTo("text/javascript; charset=utf-8");
        assertThat(get("/chat.js").headers()).contains(new Header("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void withoutPeersThePageKnowsOnlyItsOwnServer() {
        assertThat(new String(get("/").body(), StandardCharsets.UTF_8))
                .contains("<meta name=\"niows-chat-peers\" content=\"\">");
        assertThat(get("/").headers()).contains(new Header("Content-Security-Policy",
                "default-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'"));
    }

    @Test
    void thePageListsItsPeersAndMayConnectToThem() {
        StaticFiles withPeers = StaticFiles.chatPage(
                ChatPeers.parse("ws://127.0.0.1:8080/chat,wss://chat.example:8443/chat"));

        for (String path : List.of("/", "/chat.js", "/chat.css")) {
            assertThat(withPeers.handle(request("GET", path, Map.of())).headers()).as(path)
                    .contains(new Header("Content-Security-Policy", "default-src 'self';"
                            + " connect-src 'self' ws://127.0.0.1:8080 wss://chat.example:8443;"
                            + " img-src 'self' data:; frame-ancestors 'none'"));
        }
        assertThat(new String(withPeers.handle(request("GET", "/", Map.of())).body(), StandardCharsets.UTF_8))
                .contains("<meta name=\"niows-chat-peers\" content=\"ws://127.0.0.1:8080/chat"
                        + " wss://chat.example:8443/chat\">");
    }

    @Test
    void aConnectSourceCannotAddADirective() {
        assertThatThrownBy(() -> StaticFiles.builder().connectSources(List.of("ws://x:1; script-src *")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anythingElseIs404() {
        for (String path : List.of("/index.html", "/chat", "/chat.js/", "//chat.js", "/%2e%2e/pom.xml",
                "/io/niows/examples/chat/web/chat.js", "")) {
            assertThat(get(path).status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void otherMethodsAre405WithAllow() {
        HttpResponse response = files.handle(request("DELETE", "/", Map.of()));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers()).contains(new Header("Allow", "GET"));
    }

    @Test
    void aMissingResourceStopsTheBuildOfTheHandler() {
        assertThatThrownBy(() -> StaticFiles.builder().file("/x", "/no/such/file", "text/plain"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("/no/such/file");
    }
}
