package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.Topics;
import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Topics over real connections on two loops: each subscriber gets exactly its topics' messages, in
 * each publisher's order, while other threads publish, subscribe and unsubscribe at once; a
 * closing connection leaves every topic.
 */
class TopicsTest {

    private static final int TOPICS = 4;

    private WebSocketServer server;
    private final Topics topics = new Topics();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A client sends "sub:a,b" or "unsub:a"; the server answers "ok" when done. */
    private void start() throws Exception {
        server = Servers.loopback().loops(2).route("/topics", new WebSocketHandler() {
            @Override
            public void onText(WebSocket ws, String text) {
                String[] command = text.split(":", 2);
                for (String topic : command[1].split(",")) {
                    if (command[0].equals("sub")) {
                        topics.subscribe(ws, topic);
                    } else {
                        topics.unsubscribe(ws, topic);
                    }
                }
                ws.sendText("ok");
            }
        }).build().start();
    }

    private JdkClient client(TestHttp http, String command) throws Exception {
        JdkClient c = JdkClient.connect(http.client, server.port(), "/topics");
        toClose.add(c);
        c.ws.sendText(command, true).get(10, TimeUnit.SECONDS);
        assertThat(c.next()).isEqualTo("ok");
        return c;
    }

    @Test
    void subscribersGetTheirTopicsMessagesInEachPublishersOrderWhileOthersChurn() throws Exception {
        start();
        TestHttp http = new TestHttp();
        toClose.add(http);
        int members = 40;
        List<JdkClient> clients = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            // Member i is in topics i % 4 and (i + 1) % 4.
            clients.add(client(http, "sub:t" + i % TOPICS + ",t" + (i + 1) % TOPICS));
        }
        JdkClient churner = client(http, "sub:t0");
        int publishers = 4;
        int perTopic = 50;
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            int publisher = p;
            threads.add(new Thread(() -> {
                for (int k = 0; k < perTopic; k++) {
                    for (int t = 0; t < TOPICS; t++) {
                        topics.publish("t" + t, "t" + t + ":" + publisher + ":" + k);
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (int round = 0; round < 20; round++) {
            churner.ws.sendText((round % 2 == 0 ? "unsub" : "sub") + ":t0,t1", true).get(10, TimeUnit.SECONDS);
        }
        for (Thread t : threads) {
            t.join(30_000);
        }

        for (int i = 0; i < members; i++) {
            JdkClient c = clients.get(i);
            Map<String, Integer> nextOf = new HashMap<>();
            for (int n = 0; n < 2 * publishers * perTopic; n++) {
                String[] m = ((String) c.next()).split(":");
                assertThat(m[0]).isIn("t" + i % TOPICS, "t" + (i + 1) % TOPICS);
                String stream = m[0] + ":" + m[1];
                int expected = nextOf.getOrDefault(stream, 0);
                assertThat(Integer.parseInt(m[2])).as(stream).isEqualTo(expected);
                nextOf.put(stream, expected + 1);
            }
            assertThat(c.received).isEmpty();
        }
        // The churner ends subscribed: 20 members are in t0, and it.
        awaitTrue(() -> topics.subscriberCount("t0") == members / 2 + 1);
        assertThat(topics.subscriberCount("t1")).isEqualTo(members / 2 + 1);
    }

    @Test
    void aClosedConnectionLeavesEveryTopicItWasIn() throws Exception {
        start();
        TestHttp http = new TestHttp();
        toClose.add(http);
        JdkClient leaving = client(http, "sub:a,b,c");
        JdkClient staying = client(http, "sub:b");
        assertThat(topics.topicCount()).isEqualTo(3);

        leaving.ws.sendClose(1000, "bye").get(10, TimeUnit.SECONDS);
        leaving.closed.get(10, TimeUnit.SECONDS);

        awaitTrue(() -> topics.topicCount() == 1);
        assertThat(topics.subscriberCount("b")).isEqualTo(1);
        assertThat(topics.publish("b", "still here")).isEqualTo(1);
        assertThat(staying.next()).isEqualTo("still here");
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
