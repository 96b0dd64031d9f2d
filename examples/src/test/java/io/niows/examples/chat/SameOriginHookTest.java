package io.niows.examples.chat;

import static io.niows.examples.chat.TestRequests.request;
import static io.niows.examples.chat.TestRequests.requestWithLines;
import static org.assertj.core.api.Assertions.assertThat;

import io.niows.HandshakeDecision;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SameOriginHookTest {

    private final SameOriginHook hook;

    SameOriginHookTest() throws UnknownHostException {
        hook = new SameOriginHook(OwnHosts.listeningOn("127.0.0.1", () -> 8080));
    }

    private HandshakeDecision decide(Map<String, String> headers) {
        return hook.decide(request("GET", "/chat", headers));
    }

    @Test
    void acceptsThePageServedByThisHost() {
        assertThat(decide(Map.of("Host", "127.0.0.1:8080", "Origin", "http://127.0.0.1:8080")).accepted()).isTrue();
        assertThat(decide(Map.of("Host", "LocalHost:8080", "Origin", "http://localhost:8080")).accepted()).isTrue();
        assertThat(decide(Map.of("Host", "localhost:8080", "Origin", "https://localhost:8080")).accepted()).isTrue();
    }

    @Test
    void acceptsClientsThatAreNotBrowsers() {
        assertThat(decide(Map.of("Host", "127.0.0.1:8080")).accepted()).isTrue();
    }

    @Test
    void refusesOtherSitesWith403() {
        for (String origin : new String[] {"http://evil.example", "http://127.0.0.1:8081", "null",
            "http://127.0.0.1:8080.evil.example", "http://localhost:8080"}) {
            HandshakeDecision decision = decide(Map.of("Host", "127.0.0.1:8080", "Origin", origin));
            assertThat(decision.accepted()).as(origin).isFalse();
            assertThat(decision.status()).isEqualTo(403);
        }
    }

    @Test
    void acceptsThePagesOfItsPeersAndOnlyThose() throws UnknownHostException {
        SameOriginHook withPeers = new SameOriginHook(OwnHosts.listeningOn("127.0.0.1", () -> 8080),
                ChatPeers.parse("ws://127.0.0.1:8080/chat,ws://127.0.0.1:8081/chat,wss://chat.example:443/chat"));

        for (String origin : List.of("http://127.0.0.1:8080", "http://127.0.0.1:8081", "https://chat.example",
                "HTTPS://Chat.Example")) {
            assertThat(withPeers.decide(request("GET", "/chat", Map.of("Host", "127.0.0.1:8080", "Origin", origin)))
                    .accepted()).as(origin).isTrue();
        }
        for (String origin : List.of("http://127.0.0.1:8082", "https://127.0.0.1:8081", "http://localhost:8081",
                "http://chat.example", "https://chat.example:8443", "null")) {
            HandshakeDecision decision = withPeers.decide(
                    request("GET", "/chat", Map.of("Host", "127.0.0.1:8080", "Origin", origin)));
            assertThat(decision.status()).as(origin).isEqualTo(403);
        }
    }

    @Test
    void refusesTwoOriginsWith400EvenIfOneIsThisHost() {
        HandshakeDecision decision = hook.decide(requestWithLines("GET", "/chat", Map.of(
                "Host", List.of("127.0.0.1:8080"),
                "Origin", List.of("http://127.0.0.1:8080", "http://evil.example"))));

        assertThat(decision.status()).isEqualTo(400);
        assertThat(decision.reason()).isEqualTo("more than one Origin header");
    }

    @Test
    void refusesARebindingSiteWith421ThoughItsOriginMatchesItsHost() {
        HandshakeDecision decision = decide(Map.of("Host", "evil.example:8080", "Origin", "http://evil.example:8080"));

        assertThat(decision.status()).isEqualTo(421);
        assertThat(decision.reason()).isEqualTo("this server does not answer to that Host");
    }

    @Test
    void refusesAnOriginWithoutAHost() {
        assertThat(decide(Map.of("Origin", "http://127.0.0.1:8080")).status()).isEqualTo(400);
    }
}
