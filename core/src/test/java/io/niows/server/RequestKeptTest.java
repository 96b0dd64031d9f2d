package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.HandshakeDecision;
import io.niows.HttpRequestHead;
import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What {@link WebSocket#request()} still tells on an open server connection: by default the
 * request line and the subprotocols offered, the headers only when the server keeps them
 * ({@link WebSocketServer.Builder#keepRequestHeaders}); the handshake hook sees every header
 * either way.
 */
class RequestKeptTest {

    private static final String HEADERS = "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: " + RawClient.KEY + "\r\nSec-WebSocket-Version: 13\r\n"
            + "X-Custom: one\r\nX-Custom: two\r\n";

    /** The request an open connection tells when its client sends a text message. */
    private static HttpRequestHead seenOnOpenConnection(WebSocketServer.Builder builder, String target,
            String moreHeaders) throws Exception {
        CompletableFuture<HttpRequestHead> seen = new CompletableFuture<>();
        WebSocketHandler tell = new WebSocketHandler() {
            @Override
            public void onText(WebSocket ws, String text) {
                seen.complete(ws.request());
            }
        };
        try (WebSocketServer s = builder.route("/room", tell).defaultRoute(tell).build().start();
                RawClient c = new RawClient(s.port())) {
            c.send(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + HEADERS + moreHeaders + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(c.readHead()).startsWith("HTTP/1.1 101 ");
            c.send(RawClient.text("tell me"));
            HttpRequestHead head = seen.get(5, TimeUnit.SECONDS);
            assertThat(head.remoteAddress()).isEqualTo(new InetSocketAddress("127.0.0.1", c.socket.getLocalPort()));
            return head;
        }
    }

    @Test
    void byDefaultAnOpenConnectionTellsItsMethodPathAndQuery() throws Exception {
        HttpRequestHead head = seenOnOpenConnection(Servers.loopback(), "/room/7?user=ann&x=%20", "");
        assertThat(head.method()).isEqualTo("GET");
        assertThat(head.path()).isEqualTo("/room/7");
        assertThat(head.query()).isEqualTo("user=ann&x=%20");
        assertThat(head.subprotocols()).isEmpty();
        assertThat(head).hasToString("GET /room/7?user=ann&x=%20 from " + head.remoteAddress());
    }

    @Test
    void byDefaultARoutesPathHasNoQuery() throws Exception {
        HttpRequestHead head = seenOnOpenConnection(Servers.loopback(), "/room", "");
        assertThat(head.path()).isEqualTo("/room");
        assertThat(head.query()).isNull();
    }

    @Test
    void byDefaultTheSubprotocolsOfferedAreKept() throws Exception {
        HttpRequestHead head = seenOnOpenConnection(Servers.loopback(), "/room",
                "Sec-WebSocket-Protocol: chat.v2, chat.v1\r\nSec-WebSocket-Protocol: mqtt\r\n");
        assertThat(head.subprotocols()).containsExactly("chat.v2", "chat.v1", "mqtt");
    }

    @Test
    void byDefaultAskingForAHeaderSaysHowToKeepThem() throws Exception {
        HttpRequestHead head = seenOnOpenConnection(Servers.loopback(), "/room", "");
        assertThatThrownBy(() -> head.header("X-Custom")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("keepRequestHeaders(true)");
        assertThatThrownBy(() -> head.headers("X-Custom")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(head::headers).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(head::origin).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void byDefaultTheHookStillSeesEveryHeader() throws Exception {
        CompletableFuture<String> custom = new CompletableFuture<>();
        seenOnOpenConnection(Servers.loopback().handshakeHook(request -> {
            custom.complete(String.join(",", request.headers("x-custom")));
            return HandshakeDecision.accept();
        }), "/room", "");
        assertThat(custom.get(5, TimeUnit.SECONDS)).isEqualTo("one,two");
    }

    @Test
    void aServerThatKeepsHeadersTellsThemOnAnOpenConnection() throws Exception {
        HttpRequestHead head = seenOnOpenConnection(Servers.loopback().keepRequestHeaders(true),
                "/room/7?user=ann&x=%20", "Origin: https://good.example\r\nSec-WebSocket-Protocol: chat\r\n");
        assertThat(head.method()).isEqualTo("GET");
        assertThat(head.path()).isEqualTo("/room/7");
        assertThat(head.query()).isEqualTo("user=ann&x=%20");
        assertThat(head.headers("x-custom")).containsExactly("one", "two");
        assertThat(head.header("Host")).isEqualTo("127.0.0.1");
        assertThat(head.origin()).isEqualTo("https://good.example");
        assertThat(head.headers()).containsKeys("Host", "X-Custom", "Sec-WebSocket-Key");
        assertThat(head.subprotocols()).containsExactly("chat");
    }
}
