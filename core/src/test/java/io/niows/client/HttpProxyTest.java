package io.niows.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.WebSocket;
import io.niows.WebSocketClient;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import io.niows.protocol.ProxyTunnelException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client through a real HTTP proxy (Debian's tinyproxy, started by each test): a {@code
 * CONNECT} tunnel, Basic credentials, a {@link ProxySelector}, and clear errors when the proxy
 * refuses or cannot be reached.
 */
@Timeout(60)
class HttpProxyTest {

    private static final WebSocketHandler ECHO = new WebSocketHandler() {
        @Override
        public void onText(WebSocket ws, String text) {
            ws.sendText(text);
        }
    };

    private WebSocketServer server;
    private WebSocketClient client;

    @BeforeEach
    void start() throws Exception {
        server = WebSocketServer.builder().host("127.0.0.1").port(0).loops(1).defaultRoute(ECHO).build().start();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    @Test
    void echoesThroughATunnelTheProxyOpened() throws Exception {
        try (Tinyproxy proxy = Tinyproxy.start()) {
            client = WebSocketClient.builder().proxy("127.0.0.1", proxy.port()).build();
            assertEchoes(client);
            assertThat(proxy.log()).contains("CONNECT 127.0.0.1:" + server.port());
        }
    }

    @Test
    void sendsBasicCredentialsToAProxyThatWantsThem() throws Exception {
        try (Tinyproxy proxy = Tinyproxy.start("BasicAuth alice s3cret")) {
            client = WebSocketClient.builder().proxy("127.0.0.1", proxy.port())
                    .proxyCredentials("alice", "s3cret").build();
            assertEchoes(client);
        }
    }

    /** tinyproxy 1.11 answers a CONNECT with wrong credentials 401, where RFC 9110 §15.5.8 says 407. */
    @Test
    void wrongCredentialsFailTheConnectWithTheProxysStatusAndReason() throws Exception {
        try (Tinyproxy proxy = Tinyproxy.start("BasicAuth alice s3cret")) {
            client = WebSocketClient.builder().proxy("127.0.0.1", proxy.port())
                    .proxyCredentials("alice", "wrong").build();
            ProxyTunnelException refused = refusal(client);
            assertThat(refused.status()).isIn(401, 407);
            assertThat(refused.getMessage()).isEqualTo("the proxy refused the tunnel to 127.0.0.1:" + server.port()
                    + ": " + refused.status() + " " + refused.reason());
            assertThat(refused.reason()).isNotEmpty();
        }
    }

    @Test
    void aTunnelTheProxyForbidsFailsTheConnectWithItsStatus() throws Exception {
        try (Tinyproxy proxy = Tinyproxy.start("ConnectPort 443")) {
            client = WebSocketClient.builder().proxy("127.0.0.1", proxy.port()).build();
            ProxyTunnelException refused = refusal(client);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.reason()).isNotEmpty();
        }
    }

    @Test
    void aProxyThatIsNotThereFailsTheConnectNamingIt() throws Exception {
        int nothing = Tinyproxy.freePort();
        client = WebSocketClient.builder().proxy("127.0.0.1", nothing).build();
        assertThatThrownBy(() -> client.connect(url(), new Inbox()).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot connect to the proxy at /127.0.0.1:" + nothing);
    }

    @Test
    void aProxySelectorChoosesTheProxyPerDestination() throws Exception {
        try (Tinyproxy proxy = Tinyproxy.start()) {
            List<URI> asked = new CopyOnWriteArrayList<>();
            ProxySelector selector = new ProxySelector() {
                @Override
                public List<Proxy> select(URI uri) {
                    asked.add(uri);
                    return List.of(new Proxy(Proxy.Type.HTTP,
                            InetSocketAddress.createUnresolved("127.0.0.1", proxy.port())));
                }

                @Override
                public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                }
            };
            client = WebSocketClient.builder().proxy(selector).build();
            assertEchoes(client);
            assertThat(asked).containsExactly(URI.create("http://127.0.0.1:" + server.port()));
            assertThat(proxy.log()).contains("CONNECT 127.0.0.1:" + server.port());
        }
    }

    private void assertEchoes(WebSocketClient c) throws Exception {
        Inbox inbox = new Inbox();
        WebSocket ws = c.connect(url(), inbox).get(10, TimeUnit.SECONDS);
        ws.sendText("through the tunnel");
        assertThat(inbox.texts.poll(10, TimeUnit.SECONDS)).isEqualTo("through the tunnel");
        assertThat(ws.request().header("Host")).isEqualTo("127.0.0.1:" + server.port());
    }

    private ProxyTunnelException refusal(WebSocketClient c) {
        ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> c.connect(url(), new Inbox()).get(10, TimeUnit.SECONDS));
        assertThat(failed.getCause()).isInstanceOf(ProxyTunnelException.class);
        return (ProxyTunnelException) failed.getCause();
    }

    private URI url() {
        return URI.create("ws://127.0.0.1:" + server.port() + "/");
    }

    private static final class Inbox implements WebSocketHandler {
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();

        @Override
        public void onText(WebSocket ws, String text) {
            texts.add(text);
        }
    }
}
