package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.HandshakeDecision;
import io.niows.WebSocket;
import io.niows.WebSocketClient;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code HttpRequestHead.tlsSession()}: the connection's TLS session for a hook and a handler on a
 * server, the client's side of it on a client, and {@code null} over plain TCP.
 */
@Timeout(60)
class TlsSessionTest {

    /** What the hook saw of each handshake's TLS session. */
    private final BlockingQueue<String> hookSaw = new LinkedBlockingQueue<>();

    private static String describe(SSLSession session) {
        return session == null ? "plain" : session.getProtocol();
    }

    /** A server whose hook records the session and whose handler answers each text with it. */
    private WebSocketServer.Builder server() {
        return Servers.loopback()
                .handshakeHook(request -> {
                    hookSaw.add(describe(request.tlsSession()));
                    return HandshakeDecision.accept();
                })
                .defaultRoute(new WebSocketHandler() {
                    @Override
                    public void onText(WebSocket ws, String text) {
                        ws.sendText(describe(ws.request().tlsSession()));
                    }
                });
    }

    @Test
    void overPlainTcpThereIsNoSessionOnEitherSide() throws Exception {
        try (WebSocketServer server = server().build().start();
                WebSocketClient client = WebSocketClient.builder().build()) {
            WssClientTest.Inbox inbox = new WssClientTest.Inbox();
            WebSocket ws = client.connect(URI.create("ws://127.0.0.1:" + server.port() + "/"), inbox)
                    .get(10, TimeUnit.SECONDS);
            ws.sendText("which?");
            assertThat(inbox.next()).isEqualTo("plain");
            assertThat(hookSaw.poll(10, TimeUnit.SECONDS)).isEqualTo("plain");
            assertThat(ws.request().tlsSession()).as("the client's request").isNull();
        }
    }

    @Test
    void onAPortServingPlainAndTlsOnlyTheTlsConnectionHasASession() throws Exception {
        try (WebSocketServer server = server().tls(TestCertificates.LOCALHOST.server()).plainAlongsideTls(true)
                        .build().start();
                RawClient plain = RawClient.open(server.port(), "/");
                TlsPeer secure = TlsPeer.open(server.port(), TestCertificates.LOCALHOST.trusting(), "/")) {
            plain.send(RawClient.text("which?"));
            assertThat(plain.readFrame().text()).isEqualTo("plain");
            secure.write(RawClient.text("which?"));
            assertThat(secure.readFrame().text()).isEqualTo(secure.ssl.getSession().getProtocol());
            assertThat(hookSaw).containsExactlyInAnyOrder("plain", secure.ssl.getSession().getProtocol());
        }
    }

    @Test
    void aWssClientsRequestCarriesTheClientsSideOfTheSession() throws Exception {
        try (WebSocketServer server = server().tls(TestCertificates.LOCALHOST.server()).build().start();
                WebSocketClient client = WebSocketClient.builder().tls(TestCertificates.LOCALHOST.trusting()).build()) {
            WebSocket ws = client.connect(URI.create("wss://localhost:" + server.port() + "/"),
                    new WssClientTest.Inbox()).get(10, TimeUnit.SECONDS);
            SSLSession session = ws.request().tlsSession();
            assertThat(session.getPeerPrincipal().getName()).isEqualTo("CN=localhost");
            assertThat(session.getLocalPrincipal()).as("this client presented no certificate").isNull();
            assertThat(hookSaw.poll(10, TimeUnit.SECONDS)).isEqualTo(session.getProtocol());
        }
    }
}
