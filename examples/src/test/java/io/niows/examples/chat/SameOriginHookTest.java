package io.niows.examples.chat;

import static io.niows.examples.chat.StaticFilesTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.niows.HandshakeDecision;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SameOriginHookTest {

    private final SameOriginHook hook = new SameOriginHook();

    private HandshakeDecision decide(Map<String, String> headers) {
        return hook.decide(request("GET", "/chat", headers));
    }

    @Test
    void acceptsThePageServedByThisHost() {
        assertThat(decide(Map.of("Host", "127.0.0.1:8080", "Origin", "http://127.0.0.1:8080")).accepted()).isTrue();
        assertThat(decide(Map.of("Host", "Chat.Example:443", "Origin", "https://chat.example:443")).accepted())
                .isTrue();
    }

    @Test
    void acceptsClientsThatAreNotBrowsers() {
        assertThat(decide(Map.of("Host", "127.0.0.1:8080")).accepted()).isTrue();
    }

    @Test
    void refusesOtherSitesWith403() {
        for (String origin : new String[] {"http://evil.example", "http://127.0.0.1:8081", "null",
            "http://127.0.0.1:8080.evil.example"}) {
            HandshakeDecision decision = decide(Map.of("Host", "127.0.0.1:8080", "Origin", origin));
            assertThat(decision.accepted()).as(origin).isFalse();
            assertThat(decision.status()).isEqualTo(403);
        }
    }

    @Test
    void refusesAnOriginWithoutAHost() {
        assertThat(decide(Map.of("Origin", "http://127.0.0.1:8080")).accepted()).isFalse();
    }
}
