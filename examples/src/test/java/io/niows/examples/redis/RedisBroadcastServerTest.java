package io.niows.examples.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.CloseCode;
import io.niows.examples.TestClient;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code broadcast --redis}: two nodes and a real redis-server; what clients of either node send
 * reaches every client of both nodes, senders included, in one order.
 */
@Timeout(90)
class RedisBroadcastServerTest {

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

    private RedisBroadcastServer node() throws Exception {
        RedisBroadcastServer node = RedisBroadcastServer.start("127.0.0.1", 0, null, redis.uri());
        toClose.add(node);
        return node;
    }

    private TestClient client(RedisBroadcastServer node) throws Exception {
        TestClient client = TestClient.connect(URI.create("ws://127.0.0.1:" + node.server().port() + "/"));
        toClose.add(client);
        return client;
    }

    @Test
    void everyClientOfEveryNodeGetsEveryMessageInOneOrder() throws Exception {
        redis = RedisProcess.start();
        RedisBroadcastServer first = node();
        RedisBroadcastServer second = node();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!(first.subscribed() && second.subscribed()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<TestClient> clients = List.of(client(first), client(first), client(second), client(second));

        for (int i = 0; i < 40; i++) {
            clients.get(i % 4).sendText("m" + i);
        }

        List<String> seenByFirst = null;
        for (TestClient client : clients) {
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                seen.add(client.nextText());
            }
            assertThat(seen).doesNotHaveDuplicates().hasSize(40);
            assertThat(seen.stream().filter(m -> Integer.parseInt(m.substring(1)) % 4 == 2).toList())
                    .as("one sender's messages keep its order").containsExactly("m2", "m6", "m10", "m14", "m18",
                            "m22", "m26", "m30", "m34", "m38");
            if (seenByFirst == null) {
                seenByFirst = seen;
            }
            assertThat(seen).as("every client sees the one order Redis received").isEqualTo(seenByFirst);
        }
    }

    @Test
    void aMessageThatCannotReachRedisClosesItsSenderWith1013() throws Exception {
        redis = RedisProcess.start();
        TestClient client = client(node());
        redis.kill();

        client.sendText("lost");

        assertThat(client.awaitClose().code()).isEqualTo(CloseCode.TRY_AGAIN_LATER);
    }

    @Test
    void aBinaryMessageClosesItsSenderWith1003() throws Exception {
        redis = RedisProcess.start();
        TestClient client = client(node());

        client.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}));

        assertThat(client.awaitClose().code()).isEqualTo(CloseCode.UNSUPPORTED_DATA);
    }
}
