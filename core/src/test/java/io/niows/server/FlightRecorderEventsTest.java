package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.Broadcaster;
import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JFR events a server commits, read back from a live recording stream. */
class FlightRecorderEventsTest {

    private static final List<String> EVENTS = List.of("io.niows.ConnectionOpened", "io.niows.ConnectionClosed",
            "io.niows.HandshakeRefused", "io.niows.ProtocolFailure", "io.niows.SlowConsumerEvicted",
            "io.niows.LoopStalled");

    private final List<RecordedEvent> seen = new CopyOnWriteArrayList<>();
    private RecordingStream stream;
    private WebSocketServer server;
    private final Broadcaster room = new Broadcaster(64 << 10, Broadcaster.OverflowPolicy.CLOSE);

    @BeforeEach
    void record() throws Exception {
        stream = new RecordingStream();
        for (String name : EVENTS) {
            stream.enable(name).withoutThreshold();
            stream.onEvent(name, seen::add);
        }
        CountDownLatch started = new CountDownLatch(1);
        stream.onFlush(started::countDown);
        stream.setMaxAge(Duration.ofMinutes(1));
        stream.startAsync();
        server = Servers.loopback().loopStallThreshold(Duration.ofMillis(50))
                .route("/echo", new WebSocketHandler() {
                    @Override
                    public void onText(WebSocket ws, String text) {
                        if (text.equals("block")) {
                            MetricsTest.sleep(150);
                        }
                        ws.sendText(text);
                    }
                })
                .route("/room", new WebSocketHandler() {
                    @Override
                    public void onOpen(WebSocket ws) {
                        room.add(ws);
                    }
                })
                .build().start();
    }

    @AfterEach
    void stop() {
        server.close();
        stream.close();
    }

    /** Waits, at most 10 s, for an event named {@code name} that satisfies {@code check}. */
    private RecordedEvent awaitEvent(String name, Predicate<RecordedEvent> check) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (RecordedEvent e : seen) {
                if (e.getEventType().getName().equals(name) && check.test(e)) {
                    return e;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + name + " event matched; seen: " + seen);
    }

    @Test
    void anOpenedAndClosedConnectionIsRecordedWithItsCodeAndHowLongItWasOpen() throws Exception {
        String remote;
        try (RawClient raw = RawClient.open(server.port(), "/echo")) {
            remote = raw.socket.getLocalSocketAddress().toString();
            MetricsTest.sleep(20);
            raw.send(RawClient.close(1000, "bye"));
            assertThat(raw.readFrame().closeCode()).isEqualTo(1000);
        }
        RecordedEvent opened = awaitEvent("io.niows.ConnectionOpened", e -> e.getString("remote").equals(remote));
        assertThat(opened.getString("path")).isEqualTo("/echo");
        RecordedEvent closed = awaitEvent("io.niows.ConnectionClosed", e -> e.getString("remote").equals(remote));
        assertThat(closed.getInt("code")).isEqualTo(1000);
        assertThat(closed.getBoolean("byPeer")).isTrue();
        assertThat(closed.getDuration("openFor")).isGreaterThanOrEqualTo(Duration.ofMillis(20));
    }

    @Test
    void aRefusedHandshakeIsRecordedWithItsStatusAndReason() throws Exception {
        try (RawClient raw = new RawClient(server.port())) {
            raw.send(RawClient.upgradeRequest("/nowhere").getBytes(StandardCharsets.ISO_8859_1));
            assertThat(raw.readHead()).startsWith("HTTP/1.1 404");
        }
        RecordedEvent refused = awaitEvent("io.niows.HandshakeRefused", e -> e.getInt("status") == 404);
        assertThat(refused.getString("reason")).isNotBlank();
    }

    @Test
    void aProtocolFailureIsRecordedWithItsCloseCodeAndTheRuleBroken() throws Exception {
        try (RawClient raw = RawClient.open(server.port(), "/echo")) {
            raw.send(RawClient.frame(0x81, "unmasked".getBytes(StandardCharsets.UTF_8), false));
            assertThat(raw.readFrame().closeCode()).isEqualTo(1002);
        }
        RecordedEvent failure = awaitEvent("io.niows.ProtocolFailure", e -> e.getInt("code") == 1002);
        assertThat(failure.getString("reason")).containsIgnoringCase("mask");
    }

    @Test
    void aHandlerThatHoldsTheLoopIsRecordedAsAStallWithTheConnectionAndHowLong() throws Exception {
        try (RawClient raw = RawClient.open(server.port(), "/echo")) {
            raw.send(RawClient.text("block"));
            assertThat(raw.readFrame().text()).isEqualTo("block");
        }
        RecordedEvent stall = awaitEvent("io.niows.LoopStalled", e -> e.getString("connection").contains("127.0.0.1"));
        assertThat(stall.getDuration("heldFor")).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(stall.getString("loop")).startsWith("niows-" + server.port() + "-loop-");
    }

    @Test
    void aSlowConsumerEvictedByABroadcasterIsRecordedWithWhatItHadQueued() throws Exception {
        try (RawClient stuck = RawClient.open(server.port(), "/room")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (room.size() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            String chunk = "s".repeat(16 << 10);
            for (int i = 0; i < 20_000 && room.size() > 0; i++) {
                room.broadcast(chunk);
            }
            assertThat(room.evicted()).isEqualTo(1);
            String remote = stuck.socket.getLocalSocketAddress().toString();
            RecordedEvent evicted = awaitEvent("io.niows.SlowConsumerEvicted",
                    e -> e.getString("remote").equals(remote));
            assertThat(evicted.getLong("queued")).isPositive().isLessThanOrEqualTo(room.maxQueuedBytes());
        }
    }
}
