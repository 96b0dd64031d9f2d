package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.HandshakeDecision;
import io.niows.WebSocket;
import io.niows.WebSocketClient;
import io.niows.WebSocketServer;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code WebSocketServer.Builder.tlsParameters}: protocols and cipher suites restricted on every
 * server engine, read once at {@code build()}, and refused there when they cannot apply.
 */
@Timeout(60)
class TlsParametersTest {

    /** What the hook saw of each handshake's TLS session: protocol and cipher suite. */
    private final BlockingQueue<String> hookSaw = new LinkedBlockingQueue<>();

    private WebSocketServer.Builder server(SSLParameters parameters) {
        return Servers.loopback().defaultRoute(Servers.ECHO)
                .handshakeHook(request -> {
                    hookSaw.add(request.tlsSession().getProtocol() + " " + request.tlsSession().getCipherSuite());
                    return HandshakeDecision.accept();
                })
                .tls(TestCertificates.LOCALHOST.server())
                .tlsParameters(parameters);
    }

    private static SSLParameters protocols(String... names) {
        SSLParameters p = new SSLParameters();
        p.setProtocols(names);
        return p;
    }

    private static WebSocketClient client(SSLParameters parameters) {
        WebSocketClient.Builder b = WebSocketClient.builder().tls(TestCertificates.LOCALHOST.trusting());
        return (parameters == null ? b : b.tlsParameters(parameters)).build();
    }

    private static WebSocket echoOnce(WebSocketClient client, int port) throws Exception {
        WssClientTest.Inbox inbox = new WssClientTest.Inbox();
        WebSocket ws = client.connect(URI.create("wss://localhost:" + port + "/"), inbox).get(10, TimeUnit.SECONDS);
        ws.sendText("echo");
        assertThat(inbox.next()).isEqualTo("echo");
        return ws;
    }

    @Test
    void aServerRestrictedToTls13RefusesATls12OnlyClient() throws Exception {
        try (WebSocketServer server = server(protocols("TLSv1.3")).build().start();
                WebSocketClient tls12 = client(protocols("TLSv1.2"));
                WebSocketClient any = client(null)) {
            URI uri = URI.create("wss://localhost:" + server.port() + "/");
            assertThatThrownBy(() -> tls12.connect(uri, new WssClientTest.Inbox()).get(10, TimeUnit.SECONDS))
                    .cause().isInstanceOf(SSLHandshakeException.class);
            echoOnce(any, server.port());
            assertThat(hookSaw.poll(10, TimeUnit.SECONDS)).startsWith("TLSv1.3 ");
            assertThat(hookSaw).isEmpty();
        }
    }

    @Test
    void aCipherSuiteRestrictionShowsInTheSessionOnBothSides() throws Exception {
        SSLParameters aes128 = protocols("TLSv1.3");
        aes128.setCipherSuites(new String[] {"TLS_AES_128_GCM_SHA256"}); // the JDK prefers TLS_AES_256_GCM_SHA384
        try (WebSocketServer server = server(aes128).build().start(); WebSocketClient client = client(null)) {
            WebSocket ws = echoOnce(client, server.port());
            assertThat(hookSaw.poll(10, TimeUnit.SECONDS)).isEqualTo("TLSv1.3 TLS_AES_128_GCM_SHA256");
            assertThat(ws.request().tlsSession().getCipherSuite()).isEqualTo("TLS_AES_128_GCM_SHA256");
        }
    }

    @Test
    void theParametersAreReadOnceAtBuild() throws Exception {
        SSLParameters parameters = protocols("TLSv1.3");
        WebSocketServer built = server(parameters).build();
        parameters.setProtocols(new String[] {"TLSv1.2", "TLSv1.3"});
        try (WebSocketServer server = built.start(); WebSocketClient tls12 = client(protocols("TLSv1.2"))) {
            URI uri = URI.create("wss://localhost:" + server.port() + "/");
            assertThatThrownBy(() -> tls12.connect(uri, new WssClientTest.Inbox()).get(10, TimeUnit.SECONDS))
                    .cause().isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void parametersWithoutATlsContextFailTheBuild() {
        assertThatThrownBy(() -> Servers.loopback().defaultRoute(Servers.ECHO).tlsParameters(protocols("TLSv1.3"))
                .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tls(SSLContext)");
    }

    @Test
    void aProtocolTheContextDoesNotSupportFailsTheBuild() {
        assertThatThrownBy(() -> server(protocols("TLSv9")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TLSv9");
    }

    @Test
    void alpnMayNameHttp11AloneTheOneProtocolTheServerSpeaks() throws Exception {
        SSLParameters h2 = new SSLParameters();
        h2.setApplicationProtocols(new String[] {"h2", "http/1.1"});
        assertThatThrownBy(() -> server(h2).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("h2");
        SSLParameters http11 = new SSLParameters();
        http11.setApplicationProtocols(new String[] {"http/1.1"});
        try (WebSocketServer server = server(http11).build().start(); WebSocketClient client = client(null)) {
            echoOnce(client, server.port());
        }
    }
}
