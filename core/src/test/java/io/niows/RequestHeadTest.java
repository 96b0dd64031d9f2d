package io.niows;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.protocol.HandshakeRequest;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a server's connection keeps of its opening request ({@link RequestHead#keep}), and the view of it. */
class RequestHeadTest {

    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40000);

    private static HandshakeRequest request(String target, List<String> subprotocols) {
        return HandshakeRequest.client("127.0.0.1", 8080, target, subprotocols, List.of());
    }

    @Test
    void withoutHeadersARequestOfferingNoSubprotocolKeepsOnlyTheTargetStringItWasGiven() {
        String routePath = new String("/chat");
        Object kept = RequestHead.keep(request("/chat", List.of()), routePath, false);
        assertThat(kept).as("the caller's string itself: no copy per connection").isSameAs(routePath);
        HttpRequestHead head = RequestHead.of(kept, PEER, null);
        assertThat(head.method()).isEqualTo("GET");
        assertThat(head.path()).isEqualTo("/chat");
        assertThat(head.query()).isNull();
        assertThat(head.subprotocols()).isEmpty();
        assertThat(head.remoteAddress()).isSameAs(PEER);
    }

    @Test
    void withoutHeadersTheSubprotocolsOfferedAreKeptBesideTheTarget() {
        HttpRequestHead head = RequestHead.of(
                RequestHead.keep(request("/chat?room=1", List.of("a", "b")), "/chat?room=1", false), PEER, null);
        assertThat(head.path()).isEqualTo("/chat");
        assertThat(head.query()).isEqualTo("room=1");
        assertThat(head.subprotocols()).containsExactly("a", "b");
    }

    @Test
    void withHeadersTheWholeRequestIsKeptInItsCompactForm() {
        HandshakeRequest request = request("/chat", List.of("a"));
        Object kept = RequestHead.keep(request, "/chat", true);
        assertThat(kept).isInstanceOf(HandshakeRequest.class);
        HttpRequestHead head = RequestHead.of(kept, PEER, null);
        assertThat(head.header("host")).isEqualTo("127.0.0.1:8080");
        assertThat(head.headers("Sec-WebSocket-Protocol")).containsExactly("a");
        assertThat(head.subprotocols()).containsExactly("a");
        assertThat(head).hasToString("GET /chat from " + PEER);
    }
}
