package io.niows.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.WebSocket;
import io.niows.WebSocketClient;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import io.niows.protocol.PerMessageDeflate;
import io.niows.protocol.WebSocketHandshakeException;
import io.niows.protocol.WebSocketProtocolException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against the niows server and against a scripted independent peer. */
class WebSocketClientTest {

    private static final WebSocketHandler ECHO = new WebSocketHandler() {
        @Override
        public void onText(WebSocket ws, String text) {
            ws.sendText(text);
        }

        @Override
        public void onBinary(WebSocket ws, ByteBuffer data) {
            ws.sendBinary(data);
        }
    };

    private WebSocketServer server;
    private WebSocketClient client;

    /** Collects what a client connection receives. */
    static final class Inbox implements WebSocketHandler {
        final BlockingQueue<Object> got = new LinkedBlockingQueue<>();

        @Override
        public void onText(WebSocket ws, String text) {
            got.add(text);
        }

        @Override
        public void onBinary(WebSocket ws, ByteBuffer data) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            got.add(b);
        }

        @Override
        public void onClose(WebSocket ws, int code, String reason, boolean remote) {
            got.add("closed " + code + " " + reason + " " + remote);
        }

        Object next() throws InterruptedException {
            Object m = got.poll(20, TimeUnit.SECONDS);
            assertThat(m).as("a message within 20 s").isNotNull();
            return m;
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = WebSocketServer.builder().host("127.0.0.1").port(0).loops(1)
                .defaultRoute(ECHO).subprotocols("v2", "v1").maxMessageSize(32L << 20).build().start();
        client = WebSocketClient.builder().maxMessageSize(32L << 20)
                .handshakeTimeout(Duration.ofSeconds(5)).closeTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private URI url(String pathAndQuery) {
        return URI.create("ws://127.0.0.1:" + server.port() + pathAndQuery);
    }

    @Test
    void echoesTextAndBinaryOfEverySizeClassThroughTheNiowsServer() throws Exception {
        Inbox inbox = new Inbox();
        WebSocket ws = client.connect(url("/echo?x=1"), inbox).get(10, TimeUnit.SECONDS);
        for (int size : new int[] {0, 125, 126, 65535, 65536, 16 << 20}) {
            byte[] payload = new byte[size];
            new Random(size).nextBytes(payload);
            ws.sendBinary(ByteBuffer.wrap(payload));
            assertThat((byte[]) inbox.next()).isEqualTo(payload);
        }
        ws.sendText("héllo 😀");
        assertThat(inbox.next()).isEqualTo("héllo 😀");
    }

    @Test
    void theClientClosesCleanlyAndTheServerClosesTcp() throws Exception {
        Inbox inbox = new Inbox();
        WebSocket ws = client.connect(url("/"), inbox).get(10, TimeUnit.SECONDS);
        ws.close(1000, "done");
        assertThat(inbox.next()).as("the server echoes the code, not the reason").isEqualTo("closed 1000  false");
        assertThat(ws.isOpen()).isFalse();
    }

    @Test
    void theServersChoiceOfSubprotocolIsReported() throws Exception {
        WebSocket ws = client.connect(url("/"), new Inbox(), List.of("v1", "v2"), Map.of("X-Test", "yes"))
                .get(10, TimeUnit.SECONDS);
        assertThat(ws.subprotocol()).isEqualTo("v2");
    }

    @Test
    void twoThousandConnectionsRunOnAFixedNumberOfThreads() throws Exception {
        int n = 2000;
        int threadsBefore = Thread.activeCount();
        CountDownLatch echoed = new CountDownLatch(n);
        WebSocketHandler counter = new WebSocketHandler() {
            @Override
            public void onText(WebSocket ws, String text) {
                echoed.countDown();
            }
        };
        List<CompletableFuture<WebSocket>> pending = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pending.add(client.connect(url("/"), counter));
        }
        for (CompletableFuture<WebSocket> f : pending) {
            f.get(30, TimeUnit.SECONDS).sendText("ping");
        }
        assertThat(echoed.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore + 2);
    }

    @Test
    void aClientSharingTheServersLoopsAddsNoThread() throws Exception {
        int threadsBefore = Thread.activeCount();
        try (WebSocketClient shared = WebSocketClient.builder().sharing(server).build()) {
            Inbox inbox = new Inbox();
            WebSocket ws = shared.connect(url("/"), inbox).get(10, TimeUnit.SECONDS);
            ws.sendText("same loop");
            assertThat(inbox.next()).isEqualTo("same loop");
            assertThat(Thread.activeCount()).isEqualTo(threadsBefore);
        }
    }

    @Test
    void closingAClientThatSharesTheServersLoopsClosesItsOwnConnectionsWith1001AndNothingElse()
            throws Exception {
        Inbox bystander = new Inbox();
        WebSocket other = client.connect(url("/"), bystander).get(10, TimeUnit.SECONDS);
        WebSocketClient shared = WebSocketClient.builder().sharing(server).build();
        List<Inbox> inboxes = List.of(new Inbox(), new Inbox());
        List<WebSocket> sockets = new ArrayList<>();
        for (Inbox inbox : inboxes) {
            sockets.add(shared.connect(url("/"), inbox).get(10, TimeUnit.SECONDS));
        }

        shared.close();

        for (int i = 0; i < sockets.size(); i++) {
            assertThat(sockets.get(i).isOpen()).isFalse();
            assertThat(inboxes.get(i).got.poll()).as("onClose ran before close() returned")
                    .isEqualTo("closed 1001  false");
        }
        other.sendText("still served");
        assertThat(bystander.next()).isEqualTo("still served");
        Inbox newcomer = new Inbox();
        client.connect(url("/"), newcomer).get(10, TimeUnit.SECONDS).sendText("still accepting");
        assertThat(newcomer.next()).isEqualTo("still accepting");
        assertThatThrownBy(() -> shared.connect(url("/"), new Inbox()).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(java.io.IOException.class).hasMessageContaining("closed");
    }

    @Test
    void aSharingClientClosedFromItsOwnHandlerStartsTheClosesWithoutBlockingTheLoop() throws Exception {
        WebSocketClient shared = WebSocketClient.builder().sharing(server).build();
        CompletableFuture<Void> closeReturned = new CompletableFuture<>();
        BlockingQueue<String> closes = new LinkedBlockingQueue<>();
        WebSocketHandler closer = new WebSocketHandler() {
            @Override
            public void onText(WebSocket ws, String text) {
                shared.close();
                closeReturned.complete(null);
            }

            @Override
            public void onClose(WebSocket ws, int code, String reason, boolean remote) {
                closes.add(code + " " + remote);
            }
        };
        shared.connect(url("/"), closer).get(10, TimeUnit.SECONDS).sendText("close the client");

        closeReturned.get(2, TimeUnit.SECONDS);
        assertThat(closes.poll(10, TimeUnit.SECONDS)).isEqualTo("1001 false");
    }

    private static WebSocketHandshakeException failure(CompletableFuture<WebSocket> f) {
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> f.get(10, TimeUnit.SECONDS));
        assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
        return (WebSocketHandshakeException) e.getCause();
    }

    private CompletableFuture<WebSocket> connectTo(ScriptedServer peer, List<String> subprotocols) {
        return client.connect(URI.create("ws://127.0.0.1:" + peer.port() + "/"), new Inbox(), subprotocols, Map.of());
    }

    private static String ok(String key, String extra) {
        return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + ScriptedServer.accept(key) + "\r\n" + extra + "\r\n";
    }

    @Test
    void anHttpRefusalGivesItsStatusAndBody() throws Exception {
        try (ScriptedServer peer = new ScriptedServer(key -> ScriptedServer.ascii(
                "HTTP/1.1 403 Forbidden\r\nContent-Length: 12\r\n\r\nnot for you\n"))) {
            WebSocketHandshakeException e = failure(connectTo(peer, List.of()));
            assertThat(e.status()).isEqualTo(403);
            assertThat(new String(e.body(), StandardCharsets.UTF_8)).isEqualTo("not for you\n");
        }
    }

    @Test
    void aWrongAcceptValueIsRefused() throws Exception {
        try (ScriptedServer peer = new ScriptedServer(key -> ScriptedServer.ascii(ok("wrong" + key, "")))) {
            assertThat(failure(connectTo(peer, List.of())).getMessage()).containsIgnoringCase("accept");
        }
    }

    @Test
    void aMissingUpgradeHeaderIsRefused() throws Exception {
        try (ScriptedServer peer = new ScriptedServer(key -> ScriptedServer.ascii(
                ok(key, "").replace("Upgrade: websocket\r\n", "")))) {
            assertThat(failure(connectTo(peer, List.of())).getMessage()).containsIgnoringCase("upgrade");
        }
    }

    @Test
    void aMissingConnectionHeaderIsRefused() throws Exception {
        try (ScriptedServer peer = new ScriptedServer(key -> ScriptedServer.ascii(
                ok(key, "").replace("Connection: Upgrade\r\n", "")))) {
            assertThat(failure(connectTo(peer, List.of())).getMessage()).containsIgnoringCase("connection");
        }
    }

    @Test
    void aSubprotocolTheClientDidNotOfferIsRefused() throws Exception {
        try (ScriptedServer peer = new ScriptedServer(key -> ScriptedServer.ascii(
                ok(key, "Sec-WebSocket-Protocol: other\r\n")))) {
            assertThat(failure(connectTo(peer, List.of("mine"))).getMessage()).containsIgnoringCase("subprotocol");
        }
    }

    @Test
    void anExtensionTheClientDidNotOfferIsRefused() throws Exception {
        try (ScriptedServer peer = new ScriptedServer(key -> ScriptedServer.ascii(
                ok(key, "Sec-WebSocket-Extensions: x-webkit-deflate-frame\r\n")))) {
            assertThat(failure(connectTo(peer, List.of())).getMessage()).containsIgnoringCase("extension");
        }
    }

    @Test
    void permessageDeflateIsRefusedByAClientThatTurnedItOff() throws Exception {
        try (WebSocketClient plain = WebSocketClient.builder().perMessageDeflate(PerMessageDeflate.disabled()).build();
                ScriptedServer peer = new ScriptedServer(key -> ScriptedServer.ascii(
                        ok(key, "Sec-WebSocket-Extensions: permessage-deflate\r\n")))) {
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> plain.connect(
                    URI.create("ws://127.0.0.1:" + peer.port() + "/"), new Inbox()).get(10, TimeUnit.SECONDS));
            assertThat(e.getCause().getMessage()).containsIgnoringCase("extension");
            assertThat(peer.request.get(5, TimeUnit.SECONDS)).doesNotContainIgnoringCase("Sec-WebSocket-Extensions");
        }
    }

    @Test
    void aPermessageDeflateAnswerOverTheOfferIsRefused() throws Exception {
        try (ScriptedServer peer = new ScriptedServer(key -> ScriptedServer.ascii(
                ok(key, "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=16\r\n")))) {
            assertThat(failure(connectTo(peer, List.of())).getMessage()).contains("client_max_window_bits");
        }
    }

    @Test
    void theClientAgreesOnDeflateWithTheNiowsServerAndBothEndsSayWhat() throws Exception {
        Inbox inbox = new Inbox();
        WebSocket ws = client.connect(url("/"), inbox).get(10, TimeUnit.SECONDS);
        assertThat(ws.extensions())
                .isEqualTo("permessage-deflate; server_no_context_takeover; client_no_context_takeover");
        String json = "{\"k\":\"" + "value ".repeat(500) + "\"}";
        for (int i = 0; i < 20; i++) {
            ws.sendText(json + i);
            assertThat(inbox.next()).isEqualTo(json + i);
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (WebSocketClient quick = WebSocketClient.builder().handshakeTimeout(Duration.ofMillis(300)).build();
                ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            CompletableFuture<WebSocket> f = quick.connect(
                    URI.create("ws://127.0.0.1:" + silent.getLocalPort() + "/"), new Inbox());
            assertThat(failure(f).getMessage()).contains("no handshake answer");
        }
    }

    @Test
    void aRefusedTcpConnectionFailsTheFuture() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CompletableFuture<WebSocket> f = client.connect(URI.create("ws://127.0.0.1:" + port + "/"), new Inbox());
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ConnectException.class);
    }

    @Test
    void framesRightBehindThe101AreKept() throws Exception {
        byte[] frame = {(byte) 0x81, 5, 'e', 'a', 'r', 'l', 'y'};
        try (ScriptedServer peer = new ScriptedServer(key -> {
            byte[] head = ScriptedServer.ascii(ok(key, ""));
            byte[] both = java.util.Arrays.copyOf(head, head.length + frame.length);
            System.arraycopy(frame, 0, both, head.length, frame.length);
            return both;
        })) {
            Inbox inbox = new Inbox();
            client.connect(URI.create("ws://127.0.0.1:" + peer.port() + "/"), inbox).get(10, TimeUnit.SECONDS);
            assertThat(inbox.next()).isEqualTo("early");
        }
    }

    @Test
    void aMaskedFrameFromTheServerReachesOnErrorWithCode1002BeforeOnClose() throws Exception {
        byte[] masked = {(byte) 0x81, (byte) 0x81, 1, 2, 3, 4, 'x' ^ 1};
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        WebSocketHandler recorder = new WebSocketHandler() {
            @Override
            public void onError(WebSocket ws, Throwable error) {
                events.add(error instanceof WebSocketProtocolException violation
                        ? "error " + violation.closeCode() : "error " + error);
            }

            @Override
            public void onClose(WebSocket ws, int code, String reason, boolean remote) {
                events.add("close " + code);
            }
        };
        try (ScriptedServer peer = new ScriptedServer(key -> {
            byte[] head = ScriptedServer.ascii(ok(key, ""));
            byte[] both = java.util.Arrays.copyOf(head, head.length + masked.length);
            System.arraycopy(masked, 0, both, head.length, masked.length);
            return both;
        })) {
            client.connect(URI.create("ws://127.0.0.1:" + peer.port() + "/"), recorder).get(10, TimeUnit.SECONDS);
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("error 1002");
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("close 1002");
        }
    }

    @Test
    void clientFramesAreMaskedWithAFreshKeyEachTime() throws Exception {
        try (ScriptedServer peer = new ScriptedServer(key -> ScriptedServer.ascii(ok(key, "")))) {
            WebSocket ws = client.connect(URI.create("ws://127.0.0.1:" + peer.port() + "/"), new Inbox())
                    .get(10, TimeUnit.SECONDS);
            ws.sendText("same");
            ws.sendText("same");
            java.io.DataInputStream in = new java.io.DataInputStream(peer.accepted.getInputStream());
            byte[] first = new byte[10];
            byte[] second = new byte[10];
            in.readFully(first);
            in.readFully(second);
            assertThat(first[1] & 0x80).as("mask bit").isEqualTo(0x80);
            assertThat(java.util.Arrays.copyOfRange(first, 2, 6))
                    .isNotEqualTo(java.util.Arrays.copyOfRange(second, 2, 6));
        }
    }

    @Test
    void theHostHeaderCarriesANonDefaultPortAndIpv6LiteralsWork() throws Exception {
        try (ScriptedServer peer = new ScriptedServer(key -> ScriptedServer.ascii(ok(key, "")))) {
            client.connect(URI.create("ws://127.0.0.1:" + peer.port() + "/p?q=1"), new Inbox())
                    .get(10, TimeUnit.SECONDS);
            assertThat(peer.request.get(5, TimeUnit.SECONDS))
                    .startsWith("GET /p?q=1 HTTP/1.1\r\n")
                    .containsIgnoringCase("Host: 127.0.0.1:" + peer.port() + "\r\n");
        }
    }

    @Test
    void aServerThatNeverAnswersAKeepAlivePingIsDroppedAtThePongTimeoutNotTheCloseTimeout() throws Exception {
        try (WebSocketClient pinging = WebSocketClient.builder()
                .keepAlive(Duration.ofMillis(100), Duration.ofMillis(300))
                .closeTimeout(Duration.ofSeconds(60)).build();
                ScriptedServer peer = new ScriptedServer(key -> ScriptedServer.ascii(ok(key, "")))) {
            Inbox inbox = new Inbox();
            pinging.connect(URI.create("ws://127.0.0.1:" + peer.port() + "/"), inbox).get(10, TimeUnit.SECONDS);
            byte[] ping = new byte[2 + 4];
            new java.io.DataInputStream(peer.accepted.getInputStream()).readFully(ping);
            assertThat(ping[0] & 0xff).as("a final ping").isEqualTo(0x89);
            assertThat(ping[1] & 0xff).as("masked, no payload").isEqualTo(0x80);

            Object closed = inbox.got.poll(10, TimeUnit.SECONDS);
            assertThat(closed).as("dropped within 10 s, long before the 60 s close timeout")
                    .isEqualTo("closed 1006  false");
        }
    }

    @Test
    void aClientConnectionsRequestIsTheOneItSent() throws Exception {
        try (ScriptedServer peer = new ScriptedServer(key -> ScriptedServer.ascii(ok(key, "")))) {
            WebSocket ws = client.connect(URI.create("ws://127.0.0.1:" + peer.port() + "/chat/room?x=1&y=%20"),
                    new Inbox(), List.of("v1", "v2"), Map.of("Origin", "http://example.test", "X-Trace", "abc"))
                    .get(10, TimeUnit.SECONDS);
            String sent = peer.request.get(5, TimeUnit.SECONDS);

            io.niows.HttpRequestHead request = ws.request();
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/chat/room");
            assertThat(request.query()).isEqualTo("x=1&y=%20");
            assertThat(request.header("host")).isEqualTo("127.0.0.1:" + peer.port());
            assertThat(sent).containsIgnoringCase("Sec-WebSocket-Key: " + request.header("Sec-WebSocket-Key") + "\r\n");
            assertThat(request.header("Sec-WebSocket-Version")).isEqualTo("13");
            assertThat(request.origin()).isEqualTo("http://example.test");
            assertThat(request.headers("X-Trace")).containsExactly("abc");
            assertThat(request.subprotocols()).containsExactly("v1", "v2");
            assertThat(request.remoteAddress()).isEqualTo(ws.remoteAddress());
            assertThat(request.headers()).containsOnlyKeys("Host", "Upgrade", "Connection", "Sec-WebSocket-Key",
                    "Sec-WebSocket-Version", "Sec-WebSocket-Protocol", "Sec-WebSocket-Extensions", "Origin", "X-Trace");
            assertThat(request.header("Sec-WebSocket-Extensions")).isEqualTo("permessage-deflate; client_max_window_bits");
        }
    }

    @Test
    void aServerThatPingsWithoutReadingIsHeldBackByTcpNotByTheClientsMemory() throws Exception {
        try (ScriptedServer peer = new ScriptedServer(key -> ScriptedServer.ascii(ok(key, "")))) {
            WebSocket ws = connectTo(peer, List.of()).get(10, TimeUnit.SECONDS);
            java.io.OutputStream toClient = peer.accepted.getOutputStream();
            byte[] ping = new byte[2 + 125];
            ping[0] = (byte) 0x89;
            ping[1] = 125;
            java.io.ByteArrayOutputStream batch = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < 1000; i++) {
                batch.writeBytes(ping);
            }
            byte[] thousandPings = batch.toByteArray();
            Thread flood = new Thread(() -> {
                try {
                    for (int i = 0; i < 100; i++) {
                        toClient.write(thousandPings);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, "server-ping-flood");
            flood.start();

            long maxQueued = 0;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (flood.isAlive() && System.nanoTime() < until) {
                maxQueued = Math.max(maxQueued, ws.queuedBytes());
                Thread.sleep(5);
            }
            assertThat(maxQueued).as("bytes the client queued for a server that pings and does not read")
                    .isLessThanOrEqualTo((64 << 10) + 16 * 64 * 1024 + 2 + 4 + 125);

            Thread drain = new Thread(() -> {
                try {
                    peer.accepted.getInputStream().readAllBytes();
                } catch (java.io.IOException e) {
                    // the socket closes when the test ends
                }
            }, "server-drain");
            drain.start();
            flood.join(10_000);
            assertThat(flood.isAlive()).as("the flood finishes once the server reads").isFalse();
            peer.accepted.close();
            drain.join(5_000);
        }
    }
}
