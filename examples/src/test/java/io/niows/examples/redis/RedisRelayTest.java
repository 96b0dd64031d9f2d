package io.niows.examples.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.niows.Topics;
import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import io.niows.examples.TestClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two niows servers sharing topics through a real redis-server: a client on each node sees what
 * clients on both nodes publish, in one order; the history is the same from either node; and when
 * Redis is killed and started again, both nodes subscribe again by themselves.
 */
@Timeout(90)
class RedisRelayTest {

    private RedisProcess redis;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    /** A node: "sub:TOPIC" subscribes the sender (answered "ok"), "pub:TOPIC:TEXT" publishes through Redis. */
    private WebSocketServer node(RedisRelay[] relay) throws Exception {
        Topics topics = new Topics();
        relay[0] = new RedisRelay(redis.uri(), "test:", 50, topics);
        toClose.add(relay[0]);
        WebSocketServer server = WebSocketServer.builder().host("127.0.0.1").port(0)
                .defaultRoute(new WebSocketHandler() {
                    @Override
                    public void onText(WebSocket ws, String text) {
                        String[] command = text.split(":", 3);
                        if (command[0].equals("sub")) {
                            topics.subscribe(ws, command[1]);
                            ws.sendText("ok");
                        } else if (!relay[0].publish(command[1], command[2])) {
                            ws.sendText("lost");
                        }
                    }
                }).build().start();
        toClose.add(server);
        return server;
    }

    private TestClient subscriber(WebSocketServer server, String topic) throws Exception {
        TestClient client = TestClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/"));
        toClose.add(client);
        client.sendText("sub:" + topic);
        assertThat(client.nextText()).isEqualTo("ok");
        return client;
    }

    @Test
    void clientsOnTwoNodesSeeBothNodesMessagesInOneOrderAndTheSameHistory() throws Exception {
        redis = RedisProcess.start();
        RedisRelay[] first = new RedisRelay[1];
        RedisRelay[] second = new RedisRelay[1];
        WebSocketServer a = node(first);
        WebSocketServer b = node(second);
        awaitTrue(() -> first[0].isSubscribed() && second[0].isSubscribed());
        TestClient onA = subscriber(a, "room");
        TestClient onB = subscriber(b, "room");
        TestClient elsewhere = subscriber(b, "other");

        for (int i = 0; i < 60; i++) {
            (i % 2 == 0 ? onA : onB).sendText("pub:room:m" + i);
        }

        List<String> seenOnA = new ArrayList<>();
        List<String> seenOnB = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            seenOnA.add(onA.nextText());
            seenOnB.add(onB.nextText());
        }
        assertThat(seenOnA).hasSize(60).doesNotHaveDuplicates().isEqualTo(seenOnB);
        // Each sender's own messages keep its order.
        assertThat(seenOnA.stream().map(m -> Integer.parseInt(m.substring(1))).filter(i -> i % 2 == 0).toList())
                .isSorted().hasSize(30);
        assertThat(first[0].history("room")).hasSize(50).isEqualTo(seenOnA.subList(10, 60))
                .isEqualTo(second[0].history("room"));
        onA.sendText("pub:other:x");
        assertThat(elsewhere.nextText()).as("nothing of room came first").isEqualTo("x");
    }

    @Test
    void afterRedisIsKilledAndStartedAgainBothNodesResubscribeAndDeliver() throws Exception {
        redis = RedisProcess.start();
        RedisRelay[] first = new RedisRelay[1];
        RedisRelay[] second = new RedisRelay[1];
        WebSocketServer a = node(first);
        WebSocketServer b = node(second);
        awaitTrue(() -> first[0].isSubscribed() && second[0].isSubscribed());
        TestClient onA = subscriber(a, "room");
        TestClient onB = subscriber(b, "room");
        onA.sendText("pub:room:before");
        assertThat(onB.nextText()).isEqualTo("before");
        assertThat(onA.nextText()).isEqualTo("before");

        redis.kill();
        awaitTrue(() -> !first[0].isSubscribed() && !second[0].isSubscribed());
        assertThat(first[0].publish("room", "during")).isFalse();
        redis.restart();
        awaitTrue(() -> first[0].isSubscribed() && second[0].isSubscribed());

        onB.sendText("pub:room:after");
        assertThat(onA.nextText()).isEqualTo("after");
        assertThat(onB.nextText()).isEqualTo("after");
        assertThat(second[0].history("room")).containsExactly("after");
    }

    @Test
    void closingWhileRedisIsDownDoesNotThrow() throws Exception {
        redis = RedisProcess.start();
        RedisRelay relay = new RedisRelay(redis.uri(), "test:", 50, new Topics());
        awaitTrue(relay::isSubscribed);
        redis.kill();

        assertThatCode(relay::close).doesNotThrowAnyException();
        assertThat(relay.isSubscribed()).isFalse();
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
