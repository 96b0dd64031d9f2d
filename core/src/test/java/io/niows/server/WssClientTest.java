package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.WebSocket;
import io.niows.WebSocketClient;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The niows client over {@code wss://}: against the niows server, against a server made of the
 * JDK's {@code SSLServerSocket}, and with the certificate errors a client must report clearly.
 */
@Timeout(60)
class WssClientTest {

    /** Collects what a client connection receives. */
    static final class Inbox implements WebSocketHandler {
        final BlockingQueue<Object> got = new LinkedBlockingQueue<>();

        @Override
        public void onText(WebSocket ws, String text) {
            got.add(text);
        }

        @Override
        public void onClose(WebSocket ws, int code, String reason, boolean remote) {
            got.add("closed " + code + " " + remote);
        }

        Object next() throws InterruptedException {
            Object m = got.poll(20, TimeUnit.SECONDS);
            assertThat(m).as("a message within 20 s").isNotNull();
            return m;
        }
    }

    @Test
    void echoesThroughATunnelOfARealHttpProxyWithTlsInsideIt() throws Exception {
        try (WebSocketServer server = Servers.loopback().defaultRoute(Servers.ECHO)
                        .tls(TestCertificates.LOCALHOST.server()).build().start();
                io.niows.client.Tinyproxy proxy = io.niows.client.Tinyproxy.start();
                WebSocketClient client = WebSocketClient.builder().tls(TestCertificates.LOCALHOST.trusting())
                        .proxy("127.0.0.1", proxy.port()).build()) {
            Inbox inbox = new Inbox();
            WebSocket ws = client.connect(URI.create("wss://localhost:" + server.port() + "/"), inbox)
                    .get(10, TimeUnit.SECONDS);
            ws.sendText("hello through the proxy");
            assertThat(inbox.next()).isEqualTo("hello through the proxy");
            assertThat(proxy.log()).contains("CONNECT localhost:" + server.port());
            ws.close(1000, "done");
            assertThat(inbox.next()).isEqualTo("closed 1000 false");
        }
    }

    @Test
    void echoesThroughTheNiowsServerAndClosesCleanly() throws Exception {
        try (WebSocketServer server = Servers.loopback().defaultRoute(Servers.ECHO)
                        .tls(TestCertificates.LOCALHOST.server()).build().start();
                WebSocketClient client = WebSocketClient.builder().tls(TestCertificates.LOCALHOST.trusting()).build()) {
            Inbox inbox = new Inbox();
            WebSocket ws = client.connect(URI.create("wss://localhost:" + server.port() + "/"), inbox)
                    .get(10, TimeUnit.SECONDS);
            String big = "x".repeat(100_000);
            ws.sendText("hello");
            ws.sendText(big);
            assertThat(inbox.next()).isEqualTo("hello");
            assertThat(inbox.next()).isEqualTo(big);
            ws.close(1000, "done");
            assertThat(inbox.next()).isEqualTo("closed 1000 false");
        }
    }

    @Test
    void anUntrustedCertificateFailsTheConnectWithTheTlsError() throws Exception {
        try (WebSocketServer server = Servers.loopback().defaultRoute(Servers.ECHO)
                        .tls(TestCertificates.LOCALHOST.server()).build().start();
                WebSocketClient client = WebSocketClient.builder().build()) {
            CompletableFuture<WebSocket> connect =
                    client.connect(URI.create("wss://localhost:" + server.port() + "/"), new Inbox());
            assertThatThrownBy(() -> connect.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("certification path");
        }
    }

    @Test
    void aCertificateForAnotherHostFailsUnlessVerificationIsOff() throws Exception {
        try (WebSocketServer server = Servers.loopback().defaultRoute(Servers.ECHO)
                        .tls(TestCertificates.ELSEWHERE.server()).build().start();
                WebSocketClient strict = WebSocketClient.builder()
                        .tls(TestCertificates.ELSEWHERE.trusting()).build();
                WebSocketClient lax = WebSocketClient.builder()
                        .tls(TestCertificates.ELSEWHERE.trusting()).verifyHostname(false).build()) {
            URI uri = URI.create("wss://localhost:" + server.port() + "/");
            assertThatThrownBy(() -> strict.connect(uri, new Inbox()).get(10, TimeUnit.SECONDS))
                    .cause().isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("localhost");
            Inbox inbox = new Inbox();
            lax.connect(uri, inbox).get(10, TimeUnit.SECONDS).sendText("trusted anyway");
            assertThat(inbox.next()).isEqualTo("trusted anyway");
        }
    }

    @Test
    void theBuildersTlsParametersApplyToEachConnectionAndStayAsGiven() throws Exception {
        SSLParameters tls12Only = new SSLParameters();
        tls12Only.setProtocols(new String[] {"TLSv1.2"});
        SSLParameters noSuiteFor13 = new SSLParameters();
        noSuiteFor13.setProtocols(new String[] {"TLSv1.3"});
        noSuiteFor13.setCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"}); // a TLS 1.2 suite
        try (WebSocketServer server = Servers.loopback().defaultRoute(Servers.ECHO)
                        .tls(TestCertificates.LOCALHOST.server()).build().start();
                WebSocketClient client = WebSocketClient.builder().tls(TestCertificates.LOCALHOST.trusting())
                        .tlsParameters(tls12Only).build();
                WebSocketClient impossible = WebSocketClient.builder().tls(TestCertificates.LOCALHOST.trusting())
                        .tlsParameters(noSuiteFor13).build()) {
            URI uri = URI.create("wss://localhost:" + server.port() + "/");
            Inbox inbox = new Inbox();
            client.connect(uri, inbox).get(10, TimeUnit.SECONDS).sendText("over 1.2");
            assertThat(inbox.next()).isEqualTo("over 1.2");
            assertThat(tls12Only.getEndpointIdentificationAlgorithm()).as("the caller's object").isNull();
            assertThat(tls12Only.getApplicationProtocols()).as("the caller's object").isEmpty();
            assertThatThrownBy(() -> impossible.connect(uri, new Inbox()).get(10, TimeUnit.SECONDS))
                    .cause().isInstanceOf(SSLHandshakeException.class);
        }
    }

    /**
     * A server on the JDK's blocking {@code SSLServerSocket}: it answers the upgrade, echoes one
     * text frame, then drops TCP without {@code close_notify} or a close frame: the client reports
     * 1006, the peer having gone away.
     */
    @Test
    void againstAJdkTlsServerAndItsDropWithoutCloseNotify() throws Exception {
        ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        CompletableFuture<String> alpn = new CompletableFuture<>();
        Thread peer = new Thread(() -> serveOnce(listener, alpn), "jdk-tls-server");
        peer.start();
        try (listener; WebSocketClient client = WebSocketClient.builder()
                .tls(TestCertificates.LOCALHOST.trusting()).build()) {
            Inbox inbox = new Inbox();
            WebSocket ws = client.connect(URI.create("wss://localhost:" + listener.getLocalPort() + "/jdk"), inbox)
                    .get(10, TimeUnit.SECONDS);
            ws.sendText("to the jdk");
            assertThat(inbox.next()).isEqualTo("to the jdk");
            assertThat(inbox.next()).isEqualTo("closed 1006 true");
            assertThat(alpn.get(10, TimeUnit.SECONDS)).isEqualTo("http/1.1");
        } finally {
            peer.join(10_000);
        }
    }

    private static void serveOnce(ServerSocket listener, CompletableFuture<String> alpn) {
        try (Socket raw = listener.accept()) {
            raw.setSoTimeout(10_000);
            SSLSocket s = (SSLSocket) TestCertificates.LOCALHOST.server().getSocketFactory()
                    .createSocket(raw, null, true);
            s.setUseClientMode(false);
            s.setHandshakeApplicationProtocolSelector((socket, offered) -> {
                alpn.complete(String.join(",", offered));
                return offered.contains("http/1.1") ? "http/1.1" : null;
            });
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                head.write(in.readUnsignedByte());
            }
            String key = head.toString(StandardCharsets.ISO_8859_1).lines()
                    .filter(l -> l.toLowerCase().startsWith("sec-websocket-key:"))
                    .findFirst().orElseThrow().substring(18).trim();
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1)));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            int b0 = in.readUnsignedByte();
            int length = in.readUnsignedByte() & 0x7F;
            byte[] mask = in.readNBytes(4);
            byte[] payload = in.readNBytes(length);
            for (int i = 0; i < length; i++) {
                payload[i] ^= mask[i & 3];
            }
            out.write(RawClient.frame(b0, payload, false));
            out.flush();
            raw.setSoLinger(true, 0); // closing the TCP socket under TLS: no close_notify, no close frame
        } catch (IOException | GeneralSecurityException e) {
            alpn.completeExceptionally(e);
        }
    }
}
