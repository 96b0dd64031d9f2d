package io.niows.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocketServer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class BroadcastServerTest {

    private WebSocketServer server;
    private final List<TestClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = BroadcastServer.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            for (TestClient client : clients) {
                client.close();
            }
        } finally {
            server.close();
        }
    }

    /** Connects a client and waits until it is an observer: it hears its own message. */
    private TestClient observer(String name) throws Exception {
        TestClient client = TestClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/"));
        clients.add(client);
        client.sendText("hello from " + name);
        while (!client.nextText().equals("hello from " + name)) {
            continue;
        }
        return client;
    }

    /** After this, every client's queue is empty and every client is an observer. */
    private void barrier(TestClient sender, List<TestClient> all) throws Exception {
        sender.sendText("barrier");
        for (TestClient client : all) {
            while (!client.nextText().equals("barrier")) {
                continue;
            }
        }
    }

    @Test
    void everyMessageReachesEveryClientTheSenderIncluded() throws Exception {
        TestClient ann = observer("ann");
        TestClient bob = observer("bob");
        barrier(ann, List.of(ann, bob));

        bob.sendText("from bob");
        assertThat(ann.nextText()).isEqualTo("from bob");
        assertThat(bob.nextText()).isEqualTo("from bob");

        ann.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertThat(ann.nextBinary()).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertThat(bob.nextBinary()).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3}));
    }

    @Test
    void everyClientSeesTheSameOrderWhenManySendAtOnce() throws Exception {
        List<TestClient> all = List.of(observer("a"), observer("b"), observer("c"));
        barrier(all.get(0), all);
        int perClient = 50;

        ExecutorService senders = Executors.newFixedThreadPool(all.size());
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int c = 0; c < all.size(); c++) {
                TestClient sender = all.get(c);
                String prefix = "c" + c + "-";
                sent.add(senders.submit(() -> {
                    for (int i = 0; i < perClient; i++) {
                        sender.sendText(prefix + i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get(TestClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            senders.shutdownNow();
        }

        List<List<String>> seen = new ArrayList<>();
        for (TestClient client : all) {
            List<String> messages = new ArrayList<>();
            for (int i = 0; i < perClient * all.size(); i++) {
                messages.add(client.nextText());
            }
            seen.add(messages);
        }
        assertThat(seen.get(0)).hasSize(150).doesNotHaveDuplicates();
        assertThat(seen.get(1)).isEqualTo(seen.get(0));
        assertThat(seen.get(2)).isEqualTo(seen.get(0));
        for (int c = 0; c < all.size(); c++) {
            String prefix = "c" + c + "-";
            assertThat(seen.get(0).stream().filter(m -> m.startsWith(prefix)))
                    .as("each sender's own order is kept")
                    .containsExactly(java.util.stream.IntStream.range(0, perClient)
                            .mapToObj(i -> prefix + i).toArray(String[]::new));
        }
    }

    @Test
    void aClientThatLeavesIsDroppedAndTheOthersCarryOn() throws Exception {
        TestClient ann = observer("ann");
        TestClient bob = observer("bob");
        barrier(ann, List.of(ann, bob));

        bob.close();
        clients.remove(bob);
        ann.sendText("still here");

        assertThat(ann.nextText()).isEqualTo("still here");
    }

    @Test
    void theLargestMessageAllowedReachesEveryObserver() throws Exception {
        TestClient ann = observer("ann");
        TestClient bob = observer("bob");
        barrier(ann, List.of(ann, bob));
        String largest = "m".repeat(BroadcastServer.MAX_MESSAGE_SIZE);

        bob.sendText(largest);

        assertThat(ann.nextText()).isEqualTo(largest);
        assertThat(bob.nextText()).isEqualTo(largest);
    }

    @Test
    void aMessageOverTheLimitClosesItsSenderAloneWith1009() throws Exception {
        TestClient ann = observer("ann");
        TestClient bob = observer("bob");
        TestClient carol = observer("carol");
        barrier(ann, List.of(ann, bob, carol));

        carol.sendText("x".repeat(BroadcastServer.MAX_MESSAGE_SIZE + 1));

        assertThat(carol.awaitClose().code()).isEqualTo(1009);
        bob.sendText("still here");
        assertThat(ann.nextText()).isEqualTo("still here");
        assertThat(bob.nextText()).isEqualTo("still here");
        assertThat(ann.isClosed()).isFalse();
        assertThat(bob.isClosed()).isFalse();
    }
}
