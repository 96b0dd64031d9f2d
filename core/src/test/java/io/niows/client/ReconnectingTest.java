package io.niows.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.HandshakeDecision;
import io.niows.Reconnecting;
import io.niows.WebSocket;
import io.niows.WebSocketClient;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Reconnecting}: back after a drop, exponential backoff with jitter and a cap, stopped by close. */
@Timeout(30)
class ReconnectingTest {

    private final BlockingQueue<WebSocket> serverSides = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final List<Integer> attempts = new CopyOnWriteArrayList<>();
    private WebSocketServer server;
    private WebSocketClient client;

    private final WebSocketHandler handler = new WebSocketHandler() {
        @Override
        public void onOpen(WebSocket ws) {
            events.add("open");
        }

        @Override
        public void onText(WebSocket ws, String text) {
            events.add(text);
        }

        @Override
        public void onClose(WebSocket ws, int code, String reason, boolean remote) {
            events.add("closed " + code);
        }
    };

    @BeforeEach
    void start() throws Exception {
        server = WebSocketServer.builder().host("127.0.0.1").port(0).loops(1).defaultRoute(new WebSocketHandler() {
            @Override
            public void onOpen(WebSocket ws) {
                serverSides.add(ws);
            }

            @Override
            public void onText(WebSocket ws, String text) {
                ws.sendText(text);
            }
        }).build().start();
        client = WebSocketClient.builder().build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void reconnectsAfterTheServerDropsTheConnectionAndStopsOnClose() throws Exception {
        Reconnecting chat = Reconnecting.to(client, URI.create("ws://127.0.0.1:" + server.port() + "/"), handler)
                .backoff(Duration.ofMillis(20), Duration.ofMillis(200)).onReconnect(attempts::add).start();
        assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("open");
        serverSides.poll(10, TimeUnit.SECONDS).abort();

        assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("closed 1006");
        assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("open");
        assertThat(attempts).containsExactly(1);
        chat.current().sendText("back");
        assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("back");

        chat.close();
        assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("closed 1000");
        assertThat(events.poll(500, TimeUnit.MILLISECONDS)).as("no reconnect after close()").isNull();
        assertThat(attempts).containsExactly(1);
        assertThat(chat.current()).isNull();
    }

    @Test
    void failedAttemptsCountUpAndWaitLongerEachTime() throws Exception {
        URI nowhere = URI.create("ws://127.0.0.1:" + Tinyproxy.freePort() + "/");
        List<Long> startedAt = new CopyOnWriteArrayList<>();
        Reconnecting r = Reconnecting.to(client, nowhere, handler)
                .backoff(Duration.ofMillis(40), Duration.ofMillis(160))
                .onReconnect(attempt -> {
                    attempts.add(attempt);
                    startedAt.add(System.nanoTime());
                }).start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (attempts.size() < 5 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        r.close();
        int seen = attempts.size();
        Thread.sleep(400);
        assertThat(attempts).as("no attempt after close()").hasSize(seen);
        assertThat(attempts.subList(0, 5)).containsExactly(1, 2, 3, 4, 5);
        // each wait is at least half its nominal bound: 40, 80, 160, then capped at 160 ms
        long[] atLeast = {40, 80, 80, 80};
        for (int i = 1; i < 5; i++) {
            long gap = TimeUnit.NANOSECONDS.toMillis(startedAt.get(i) - startedAt.get(i - 1));
            assertThat(gap).as("wait before attempt " + (i + 1)).isGreaterThanOrEqualTo(atLeast[i - 1] - 1);
        }
        assertThat(events).isEmpty();
    }

    @Test
    void aConnectionThatOpensAfterCloseIsNeverShownToTheHandler() throws Exception {
        CountDownLatch closedByUser = new CountDownLatch(1);
        BlockingQueue<Integer> serverCloses = new LinkedBlockingQueue<>();
        try (WebSocketServer slow = WebSocketServer.builder().host("127.0.0.1").port(0).loops(1)
                .handshakeHook(request -> {
                    await(closedByUser); // the handshake is answered only once the user has closed
                    return HandshakeDecision.accept();
                })
                .defaultRoute(new WebSocketHandler() {
                    @Override
                    public void onClose(WebSocket ws, int code, String reason, boolean remote) {
                        serverCloses.add(code);
                    }
                }).build().start()) {
            Reconnecting r = Reconnecting.to(client, URI.create("ws://127.0.0.1:" + slow.port() + "/"), handler)
                    .onReconnect(attempts::add).start();
            r.close();
            closedByUser.countDown();

            assertThat(serverCloses.poll(10, TimeUnit.SECONDS)).as("the late connection is closed").isEqualTo(1000);
            assertThat(events.poll(300, TimeUnit.MILLISECONDS)).as("neither its open nor its close").isNull();
            assertThat(attempts).isEmpty();
            assertThat(r.current()).isNull();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
