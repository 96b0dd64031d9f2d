package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.HandshakeDecision;
import io.niows.WebSocket;
import io.niows.WebSocketClient;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutual TLS: a server whose {@code tlsParameters} require a client certificate lets in the clients
 * whose certificate its context trusts, its hook and handlers tell them by their certificate, and a
 * client without one (or with one it does not trust) fails the TLS handshake and nothing else.
 */
@Timeout(60)
class TlsClientCertificateTest {

    private static WebSocketServer server;
    /** The client principal the hook saw on each handshake it was asked about. */
    private static final BlockingQueue<String> hookSaw = new LinkedBlockingQueue<>();
    private static final BlockingQueue<Throwable> serverErrors = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        SSLParameters mutual = new SSLParameters();
        mutual.setNeedClientAuth(true);
        server = Servers.loopback()
                .handshakeHook(request -> {
                    hookSaw.add(peer(request.tlsSession()));
                    return HandshakeDecision.accept();
                })
                .defaultRoute(new WebSocketHandler() {
                    @Override
                    public void onText(WebSocket ws, String text) {
                        ws.sendText(peer(ws.request().tlsSession()) + ": " + text);
                    }
                })
                .onServerError(serverErrors::add)
                .tls(TestCertificates.LOCALHOST.presentingAndTrusting(TestCertificates.CLIENT))
                .tlsParameters(mutual)
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The peer's principal, or why there is none. */
    private static String peer(SSLSession session) {
        if (session == null) {
            return "no TLS session";
        }
        try {
            return session.getPeerPrincipal().getName();
        } catch (SSLPeerUnverifiedException e) {
            return "no client certificate";
        }
    }

    private static WebSocketClient client(SSLContext context) {
        return WebSocketClient.builder().tls(context).build();
    }

    /** A client presenting {@link TestCertificates#CLIENT}, which the server trusts. */
    private static WebSocketClient trustedClient() {
        return client(TestCertificates.CLIENT.presentingAndTrusting(TestCertificates.LOCALHOST));
    }

    private static URI uri() {
        return URI.create("wss://localhost:" + server.port() + "/");
    }

    @Test
    void aClientWithATrustedCertificateIsLetInAndTheHookAndHandlerSeeItsPrincipal() throws Exception {
        hookSaw.clear();
        try (WebSocketClient client = trustedClient()) {
            WssClientTest.Inbox inbox = new WssClientTest.Inbox();
            WebSocket ws = client.connect(uri(), inbox).get(10, TimeUnit.SECONDS);
            assertThat(hookSaw.poll(10, TimeUnit.SECONDS)).isEqualTo("CN=client");
            ws.sendText("hello");
            assertThat(inbox.next()).isEqualTo("CN=client: hello");
            SSLSession mine = ws.request().tlsSession();
            assertThat(mine.getLocalPrincipal().getName()).as("the client's side").isEqualTo("CN=client");
            assertThat(mine.getPeerPrincipal().getName()).isEqualTo("CN=localhost");
            ws.close(1000, "done");
            assertThat(inbox.next()).isEqualTo("closed 1000 false");
        }
    }

    @Test
    void theJdkClientPresentsItsCertificateToo() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            HttpClient https = HttpClient.newBuilder().executor(executor)
                    .sslContext(TestCertificates.CLIENT.presentingAndTrusting(TestCertificates.LOCALHOST)).build();
            JdkClient c = new JdkClient();
            c.ws = https.newWebSocketBuilder().buildAsync(uri(), c).get(10, TimeUnit.SECONDS);
            try (c) {
                c.ws.sendText("from the jdk", true).get(10, TimeUnit.SECONDS);
                assertThat(c.next()).isEqualTo("CN=client: from the jdk");
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aClientWithoutACertificateFailsTheTlsHandshakeAndNothingElseNotices() throws Exception {
        try (WebSocketClient good = trustedClient();
                WebSocketClient anonymous = client(TestCertificates.LOCALHOST.trusting())) {
            WssClientTest.Inbox inbox = new WssClientTest.Inbox();
            WebSocket before = good.connect(uri(), inbox).get(10, TimeUnit.SECONDS);
            long opened = server.metrics().connectionsOpened();
            hookSaw.clear();
            assertThatThrownBy(() -> anonymous.connect(uri(), new WssClientTest.Inbox()).get(10, TimeUnit.SECONDS))
                    .cause().isInstanceOf(SSLException.class).hasMessageContaining("certificate");
            before.sendText("still here");
            assertThat(inbox.next()).isEqualTo("CN=client: still here");
            WssClientTest.Inbox next = new WssClientTest.Inbox();
            good.connect(uri(), next).get(10, TimeUnit.SECONDS).sendText("next");
            assertThat(next.next()).isEqualTo("CN=client: next");
            assertThat(hookSaw).as("the hook was asked about the good client alone").containsExactly("CN=client");
            assertThat(server.metrics().connectionsOpened()).isEqualTo(opened + 1);
            assertThat(server.isRunning()).isTrue();
            assertThat(serverErrors).isEmpty();
        }
    }

    @Test
    void withWantClientAuthACertificateIsOptionalAndTheHookTellsWhetherOneCame() throws Exception {
        SSLParameters optional = new SSLParameters();
        optional.setWantClientAuth(true);
        BlockingQueue<String> saw = new LinkedBlockingQueue<>();
        try (WebSocketServer lenient = Servers.loopback().defaultRoute(Servers.ECHO)
                        .handshakeHook(request -> {
                            saw.add(peer(request.tlsSession()));
                            return HandshakeDecision.accept();
                        })
                        .tls(TestCertificates.LOCALHOST.presentingAndTrusting(TestCertificates.CLIENT))
                        .tlsParameters(optional).build().start();
                WebSocketClient anonymous = client(TestCertificates.LOCALHOST.trusting());
                WebSocketClient known = trustedClient()) {
            URI uri = URI.create("wss://localhost:" + lenient.port() + "/");
            anonymous.connect(uri, new WssClientTest.Inbox()).get(10, TimeUnit.SECONDS);
            assertThat(saw.poll(10, TimeUnit.SECONDS)).isEqualTo("no client certificate");
            known.connect(uri, new WssClientTest.Inbox()).get(10, TimeUnit.SECONDS);
            assertThat(saw.poll(10, TimeUnit.SECONDS)).isEqualTo("CN=client");
        }
    }

    @Test
    void aClientWithACertificateTheServerDoesNotTrustFailsTheTlsHandshake() throws Exception {
        try (WebSocketClient stranger = client(TestCertificates.ELSEWHERE.presentingAndTrusting(
                TestCertificates.LOCALHOST))) {
            assertThatThrownBy(() -> stranger.connect(uri(), new WssClientTest.Inbox()).get(10, TimeUnit.SECONDS))
                    .cause().isInstanceOf(SSLException.class).hasMessageContaining("certificate");
        }
    }
}
