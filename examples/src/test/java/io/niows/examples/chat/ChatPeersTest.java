package io.niows.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatPeersTest {

    @Test
    void theOriginOfAPeersPageIsTheHttpTwinOfItsWebSocketUrl() {
        ChatPeers peers = ChatPeers.parse("ws://127.0.0.1:8080/chat, wss://Chat.Example:8443/chat,"
                + "ws://a.example:80/chat,wss://b.example:443/chat");

        assertThat(peers.origins()).containsExactly("http://127.0.0.1:8080", "https://chat.example:8443",
                "http://a.example", "https://b.example");
    }

    @Test
    void thePageMayConnectToEveryPeerOnce() {
        ChatPeers peers = ChatPeers.parse("ws://127.0.0.1:8080/chat,ws://127.0.0.1:8081/chat,ws://127.0.0.1:8080/chat");

        assertThat(peers.connectSources()).containsExactly("ws://127.0.0.1:8080", "ws://127.0.0.1:8081");
        assertThat(peers.urls()).hasSize(3);
    }

    @Test
    void onlyChatUrlsWithAPortArePeers() {
        for (String url : List.of("http://127.0.0.1:8080/chat", "ws://127.0.0.1/chat", "ws://127.0.0.1:8080/",
                "ws://127.0.0.1:8080/chat?x=1", "ws://u:p@127.0.0.1:8080/chat", "ws:///chat", "/chat")) {
            assertThatThrownBy(() -> new ChatPeers(List.of(URI.create(url)))).as(url)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a peer must be");
        }
        assertThatThrownBy(() -> ChatPeers.parse("ws://127.0.0.1:8080/chat ws://127.0.0.1:8081/chat"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a URL");
    }
}
