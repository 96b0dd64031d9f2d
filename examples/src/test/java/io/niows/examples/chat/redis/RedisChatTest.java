package io.niows.examples.chat.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.examples.TestClient;
import io.niows.examples.chat.ChatNode;
import io.niows.examples.chat.ChatServer;
import io.niows.examples.json.JsonReader;
import io.niows.examples.json.JsonWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two chat nodes sharing a room through a real redis-server: members on each see the others'
 * messages in each sender's order, the same history and who is online; Redis killed and started
 * again mid-test.
 */
@Timeout(90)
class RedisChatTest {

    private RedisServer redis;
    private final List<ChatNode> nodes = new ArrayList<>();
    private final List<TestClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start();
        for (int i = 0; i < 2; i++) {
            nodes.add(ChatServer.start("127.0.0.1", 0, null, redis.uri()));
        }
        awaitSubscribed();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            for (TestClient client : clients) {
                client.close();
            }
            nodes.forEach(ChatNode::close);
        } finally {
            redis.close();
        }
    }

    private void awaitSubscribed() throws InterruptedException {
        await(() -> nodes.stream().allMatch(n -> n.redis().subscribed()));
    }

    private TestClient connect(int node) throws Exception {
        TestClient client = TestClient.connect(
                URI.create("ws://127.0.0.1:" + nodes.get(node).server().port() + ChatServer.PATH));
        clients.add(client);
        return client;
    }

    /** Joins on a node; returns the client, its welcome checked and consumed. */
    private Map<String, Object> join(TestClient client, String name) throws Exception {
        client.sendText(JsonWriter.write(JsonWriter.object("type", "join", "name", name)));
        return next(client);
    }

    private TestClient member(int node, String name) throws Exception {
        TestClient client = connect(node);
        assertThat(join(client, name)).containsEntry("type", "welcome");
        return client;
    }

    private static Map<String, Object> next(TestClient client) throws InterruptedException {
        return JsonReader.parseObject(client.nextText());
    }

    private static void say(TestClient client, String text) throws Exception {
        client.sendText(JsonWriter.write(JsonWriter.object("type", "say", "text", text)));
    }

    @Test
    void membersOnTwoNodesSeeEachOthersMessagesInOrderTheSameHistoryAndWhoIsOnline() throws Exception {
        TestClient ann = member(0, "ann");
        TestClient bob = connect(1);
        Map<String, Object> welcome = join(bob, "bob");
        assertThat(welcome.get("online")).isEqualTo(List.of("ann", "bob"));
        assertThat(next(ann)).containsEntry("type", "joined").containsEntry("name", "bob");

        // Four speakers a node, each within the rate limit's burst of 8 (its join took one): 56 in all.
        int perNode = 4;
        int each = 7;
        List<String> speakers = new ArrayList<>();
        List<TestClient> speaking = new ArrayList<>();
        for (int i = 0; i < 2 * perNode; i++) {
            String name = (i < perNode ? "a" : "b") + i;
            speakers.add(name);
            speaking.add(member(i < perNode ? 0 : 1, name));
        }
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < speakers.size(); i++) {
            TestClient speaker = speaking.get(i);
            String name = speakers.get(i);
            threads.add(new Thread(() -> sayNumbered(speaker, name + ":", each)));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(30_000);
        }

        for (TestClient reader : List.of(ann, bob)) {
            Map<String, Integer> nextOf = new java.util.HashMap<>();
            int read = 0;
            while (read < speakers.size() * each) {
                Map<String, Object> m = next(reader);
                if (!"message".equals(m.get("type"))) {
                    assertThat(m).containsEntry("type", "joined");
                    continue;
                }
                String[] text = ((String) m.get("text")).split(":");
                assertThat(m.get("name")).isEqualTo(text[0]);
                int expected = nextOf.getOrDefault(text[0], 0);
                assertThat(Integer.parseInt(text[1])).as(text[0] + "'s order").isEqualTo(expected);
                nextOf.put(text[0], expected + 1);
                read++;
            }
        }

        TestClient carol = connect(1);
        Map<String, Object> carolsWelcome = join(carol, "carol");
        List<String> everyone = new ArrayList<>(List.of("ann", "bob", "carol"));
        everyone.addAll(speakers);
        everyone.sort(String.CASE_INSENSITIVE_ORDER);
        assertThat(carolsWelcome.get("online")).isEqualTo(everyone);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) carolsWelcome.get("history");
        assertThat(history).hasSize(50);
        for (String speaker : speakers) {
            assertThat(history).extracting(m -> (String) m.get("text")).contains(speaker + ":" + (each - 1));
        }
        assertThat(next(ann)).containsEntry("type", "joined").containsEntry("name", "carol");

        TestClient otherAnn = connect(1);
        assertThat(join(otherAnn, "ANN")).containsEntry("type", "error").containsEntry("code", "name-taken");

        bob.close();
        assertThat(next(ann)).containsEntry("type", "left").containsEntry("name", "bob");
        assertThat(next(carol)).containsEntry("type", "left").containsEntry("name", "bob");
    }

    @Test
    void afterRedisRestartsTheNodesResubscribeAndShareTheRoomAgain() throws Exception {
        TestClient ann = member(0, "ann");
        TestClient bob = member(1, "bob");
        assertThat(next(ann)).containsEntry("type", "joined").containsEntry("name", "bob");
        say(ann, "before");
        assertThat(next(bob)).containsEntry("text", "before");
        assertThat(next(ann)).containsEntry("text", "before");

        redis.kill();
        await(() -> nodes.stream().noneMatch(n -> n.redis().subscribed()));
        say(ann, "during");
        assertThat(next(ann)).as("a node alone still serves its own members").containsEntry("text", "during");
        redis.restart();
        awaitSubscribed();

        say(ann, "after");
        assertThat(next(ann)).containsEntry("text", "after");
        assertThat(next(bob)).as("pub/sub keeps nothing for an absent subscriber: 'during' is lost")
                .containsEntry("text", "after");
        say(bob, "back");
        assertThat(next(ann)).containsEntry("name", "bob").containsEntry("text", "back");

        TestClient carol = connect(1);
        assertThat(join(carol, "carol").get("online"))
                .as("each node wrote its members again into the restarted Redis")
                .isEqualTo(List.of("ann", "bob", "carol"));
    }

    private static void sayNumbered(TestClient client, String prefix, int count) {
        try {
            for (int i = 0; i < count; i++) {
                say(client, prefix + i);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
