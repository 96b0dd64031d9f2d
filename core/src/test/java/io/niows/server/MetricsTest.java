package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.Broadcaster;
import io.niows.Metrics;
import io.niows.WebSocket;
import io.niows.WebSocketClient;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A server's and a client's metrics count what really crossed the wire, each on its own side. */
class MetricsTest {

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private WebSocketServer start(WebSocketServer.Builder builder) throws Exception {
        WebSocketServer server = builder.build().start();
        toClose.add(server);
        return server;
    }

    private WebSocketClient client() throws Exception {
        WebSocketClient client = WebSocketClient.builder().loops(1).build();
        toClose.add(client);
        return client;
    }

    /** Waits, at most 10 s, for the metrics to satisfy {@code check}; returns the last snapshot either way. */
    private static Metrics await(Supplier<Metrics> read, Predicate<Metrics> check) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Metrics m = read.get();
        while (!check.test(m) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            m = read.get();
        }
        return m;
    }

    /** A handler that queues each text it receives and each close code. */
    private static final class Inbox implements WebSocketHandler {
        final LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final LinkedBlockingQueue<ByteBuffer> pongs = new LinkedBlockingQueue<>();

        @Override
        public void onText(WebSocket ws, String text) {
            texts.add(text);
        }

        @Override
        public void onPong(WebSocket ws, ByteBuffer payload) {
            pongs.add(payload);
        }

        @Override
        public void onClose(WebSocket ws, int code, String reason, boolean remote) {
            closed.complete(code);
        }
    }

    @Test
    void anEchoedConversationIsCountedOnBothSidesAndTheirByteCountsMatch() throws Exception {
        WebSocketServer server = start(Servers.loopback().defaultRoute(Servers.ECHO));
        WebSocketClient client = client();
        Inbox inbox = new Inbox();
        WebSocket ws = client.connect(URI.create("ws://127.0.0.1:" + server.port() + "/echo"), inbox)
                .get(10, TimeUnit.SECONDS);
        assertThat(server.metrics().connectionsOpen()).isLessThanOrEqualTo(1);
        for (int i = 0; i < 3; i++) {
            ws.sendText("hello " + i);
            assertThat(inbox.texts.poll(10, TimeUnit.SECONDS)).isEqualTo("hello " + i);
        }
        Metrics open = await(server::metrics, m -> m.messagesIn() == 3 && m.messagesOut() == 3);
        assertThat(open.connectionsOpen()).isEqualTo(1);
        assertThat(open.connectionsAccepted()).isEqualTo(1);
        ws.close(1000, "done");
        assertThat(inbox.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);

        Metrics s = await(server::metrics, m -> m.connectionsClosed() == 1);
        Metrics c = await(client::metrics, m -> m.connectionsClosed() == 1);
        assertThat(s.connectionsAccepted()).isEqualTo(1);
        assertThat(s.connectionsOpened()).isEqualTo(1);
        assertThat(s.connectionsOpen()).isZero();
        assertThat(s.messagesIn()).isEqualTo(3);
        assertThat(s.messagesOut()).isEqualTo(3);
        assertThat(s.framesIn()).isEqualTo(4); // three texts and the close
        assertThat(s.framesOut()).isEqualTo(4);
        assertThat(s.closeFramesReceived()).isEqualTo(Map.of(1000, 1L));
        assertThat(s.closeFramesSent()).isEqualTo(Map.of(1000, 1L));
        assertThat(s.refusedByStatus()).isEmpty();
        assertThat(s.protocolFailures()).isEmpty();
        assertThat(s.queuedBytes()).isZero();

        assertThat(c.connectionsAccepted()).isZero();
        assertThat(c.connectionsOpened()).isEqualTo(1);
        assertThat(c.messagesOut()).isEqualTo(3);
        assertThat(c.messagesIn()).isEqualTo(3);
        assertThat(c.framesOut()).isEqualTo(4);
        assertThat(c.framesIn()).isEqualTo(4);
        assertThat(c.closeFramesSent()).isEqualTo(Map.of(1000, 1L));
        assertThat(c.closeFramesReceived()).isEqualTo(Map.of(1000, 1L));
        // every byte one side wrote, the other read: handshake, frame headers, masks and payloads
        assertThat(s.bytesIn()).isEqualTo(c.bytesOut()).isGreaterThan(3 * "hello 0".length());
        assertThat(s.bytesOut()).isEqualTo(c.bytesIn()).isGreaterThan(3 * "hello 0".length());
    }

    @Test
    void refusedHandshakesAreCountedByStatusOnTheServerAndOnTheClient() throws Exception {
        WebSocketServer server = start(Servers.loopback().route("/only", Servers.ECHO));
        WebSocketClient client = client();
        CompletableFuture<WebSocket> refused = client.connect(
                URI.create("ws://127.0.0.1:" + server.port() + "/elsewhere"), new Inbox());
        assertThat(catchCause(refused)).isNotNull();

        Metrics s = await(server::metrics, m -> !m.refusedByStatus().isEmpty());
        assertThat(s.refusedByStatus()).isEqualTo(Map.of(404, 1L));
        assertThat(s.connectionsAccepted()).isEqualTo(1);
        assertThat(s.connectionsOpened()).isZero();
        assertThat(client.metrics().refusedByStatus()).isEqualTo(Map.of(404, 1L));
        assertThat(client.metrics().connectionsOpened()).isZero();
    }

    private static Throwable catchCause(CompletableFuture<?> future) throws Exception {
        try {
            future.get(10, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    @Test
    void aPeerThatBreaksTheProtocolIsCountedByTheCloseCodeItWasFailedWith() throws Exception {
        WebSocketServer server = start(Servers.loopback().defaultRoute(Servers.ECHO));
        try (RawClient raw = RawClient.open(server.port(), "/")) {
            raw.send(RawClient.frame(0x81, "unmasked".getBytes(StandardCharsets.UTF_8), false));
            assertThat(raw.readFrame().closeCode()).isEqualTo(1002);
        }
        Metrics s = await(server::metrics, m -> m.connectionsClosed() == 1);
        assertThat(s.protocolFailures()).isEqualTo(Map.of(1002, 1L));
        assertThat(s.closeFramesSent()).isEqualTo(Map.of(1002, 1L));
        assertThat(s.messagesIn()).isZero();
        assertThat(s.framesIn()).isEqualTo(1);
    }

    @Test
    void pingRoundTripsAreMeasuredForApplicationPingsAndKeepAlivePings() throws Exception {
        WebSocketServer server = start(Servers.loopback().defaultRoute(Servers.ECHO)
                .keepAlive(Duration.ofMillis(100), Duration.ofSeconds(5)));
        WebSocketClient client = client();
        Inbox inbox = new Inbox();
        WebSocket ws = client.connect(URI.create("ws://127.0.0.1:" + server.port() + "/"), inbox)
                .get(10, TimeUnit.SECONDS);
        assertThat(client.metrics().lastPingRoundTrip()).isNull();
        ws.ping(ByteBuffer.wrap(new byte[] {1}));
        assertThat(inbox.pongs.poll(10, TimeUnit.SECONDS)).isNotNull();

        Metrics c = await(client::metrics, m -> m.lastPingRoundTrip() != null);
        assertThat(c.lastPingRoundTrip()).isPositive().isLessThan(Duration.ofSeconds(10));
        assertThat(c.pingRoundTrips().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
        assertThat(c.pingRoundTrips()).hasSize(Metrics.pingRoundTripBounds().size() + 1);
        assertThat(c.pingRoundTripTotal()).isEqualTo(c.lastPingRoundTrip());
        // the idle client is pinged by the server's keep-alive; its automatic pong closes the round trip
        Metrics s = await(server::metrics, m -> m.lastPingRoundTrip() != null);
        assertThat(s.pingRoundTrips().stream().mapToLong(Long::longValue).sum()).isPositive();
    }

    @Test
    void aBroadcasterEvictionAndSkipsAreCountedInTheServersMetrics() throws Exception {
        Broadcaster closing = new Broadcaster(64 << 10, Broadcaster.OverflowPolicy.CLOSE);
        Broadcaster skipping = new Broadcaster(64 << 10, Broadcaster.OverflowPolicy.SKIP);
        WebSocketServer server = start(Servers.loopback()
                .route("/close", new WebSocketHandler() {
                    @Override
                    public void onOpen(WebSocket ws) {
                        closing.add(ws);
                    }
                })
                .route("/skip", new WebSocketHandler() {
                    @Override
                    public void onOpen(WebSocket ws) {
                        skipping.add(ws);
                    }
                }));
        RawClient stuckA = RawClient.open(server.port(), "/close");
        toClose.add(stuckA);
        RawClient stuckB = RawClient.open(server.port(), "/skip");
        toClose.add(stuckB);
        await(server::metrics, m -> m.connectionsOpen() == 2);
        String chunk = "z".repeat(16 << 10);
        // until the stuck readers' kernel buffers are full: then every broadcast skips the one
        for (int i = 0; i < 20_000 && (closing.size() > 0 || skipping.skipped() < 1000); i++) {
            closing.broadcast(chunk);
            skipping.broadcast(chunk);
        }
        // A loop starved of CPU queues more than the limit before the kernel's buffers are full, then
        // writes it all: broadcast on until bytes stay queued after the loop's flush (it publishes
        // the figure after flushing, so a positive one is what the kernel refused).
        Metrics s = await(server::metrics, m -> {
            if (m.queuedBytes() == 0) {
                skipping.broadcast(chunk);
            }
            return m.broadcastEvictions() == 1 && m.connectionsOpen() == 1 && m.queuedBytes() > 0;
        });
        assertThat(s.broadcastEvictions()).isEqualTo(closing.evicted()).isEqualTo(1);
        assertThat(s.broadcastSkips()).isEqualTo(skipping.skipped()).isGreaterThanOrEqualTo(1000);
        // the member that reads nothing keeps bytes queued, at most its broadcaster's limit
        assertThat(s.queuedBytes()).isPositive().isLessThanOrEqualTo(skipping.maxQueuedBytes());
        assertThat(s.queuedBytes()).isEqualTo(skipping.members().iterator().next().queuedBytes());
    }

    @Test
    void aHandlerThatHoldsTheLoopPastTheThresholdCountsAsAStall() throws Exception {
        WebSocketServer server = start(Servers.loopback().loopStallThreshold(Duration.ofMillis(200))
                .defaultRoute(new WebSocketHandler() {
                    @Override
                    public void onText(WebSocket ws, String text) {
                        if (text.equals("block")) {
                            sleep(400);
                        }
                        ws.sendText(text);
                    }
                }));
        try (RawClient raw = RawClient.open(server.port(), "/")) {
            raw.send(RawClient.text("quick"));
            assertThat(raw.readFrame().text()).isEqualTo("quick");
            assertThat(server.metrics().loopStalls()).isZero();
            raw.send(RawClient.text("block"));
            assertThat(raw.readFrame().text()).isEqualTo("block");
        }
        // at least: a busy machine may hold a loop past the threshold once more on its own
        assertThat(await(server::metrics, m -> m.loopStalls() > 0).loopStalls()).isPositive();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
