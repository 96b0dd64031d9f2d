package io.niows.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.HttpRequestHead;
import io.niows.HttpResponse;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaticFilesTest {

    /** A request head with a method, a path and some headers. */
    static HttpRequestHead request(String method, String path, Map<String, String> headers) {
        return new HttpRequestHead() {
            @Override
            public String method() {
                return method;
            }

            @Override
            public String path() {
                return path;
            }

            @Override
            public String query() {
                return null;
            }

            @Override
            public String header(String name) {
                return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }

            @Override
            public List<String> headers(String name) {
                String value = header(name);
                return value == null ? List.of() : List.of(value);
            }

            @Override
            public Map<String, List<String>> headers() {
                return Map.of();
            }

            @Override
            public List<String> subprotocols() {
                return List.of();
            }

            @Override
            public InetSocketAddress remoteAddress() {
                return new InetSocketAddress("127.0.0.1", 40000);
            }
        };
    }

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
        assertThat(get("/chat.js").headers()).anySatisfy(h -> assertThat(h).containsExactly(
                "X-Content-Type-Options", "nosniff"));
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
        assertThat(response.headers()).anySatisfy(h -> assertThat(h).containsExactly("Allow", "GET"));
    }

    @Test
    void aMissingResourceStopsTheBuildOfTheHandler() {
        assertThatThrownBy(() -> StaticFiles.builder().file("/x", "/no/such/file", "text/plain"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("/no/such/file");
    }
}
