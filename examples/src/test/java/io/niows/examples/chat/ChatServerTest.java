package io.niows.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.WebSocketServer;
import io.niows.examples.TestClient;
import io.niows.examples.json.JsonReader;
import io.niows.examples.json.JsonWriter;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The chat server over loopback, driven by the JDK's WebSocket client. */
@Timeout(60)
class ChatServerTest {

    private WebSocketServer server;
    private final List<TestClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = ChatServer.start("127.0.0.1", 0);
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

    private TestClient connect() throws Exception {
        TestClient client = TestClient.connect(URI.create("ws://127.0.0.1:" + server.port() + ChatServer.PATH));
        clients.add(client);
        return client;
    }

    private TestClient member(String name) throws Exception {
        TestClient client = connect();
        client.sendText(JsonWriter.write(JsonWriter.object("type", "join", "name", name)));
        assertThat(next(client)).containsEntry("type", "welcome").containsEntry("name", name);
        return client;
    }

    private static Map<String, Object> next(TestClient client) throws InterruptedException {
        return JsonReader.parseObject(client.nextText());
    }

    private static void say(TestClient client, String text) throws Exception {
        client.sendText(JsonWriter.write(JsonWriter.object("type", "say", "text", text)));
    }

    @Test
    void twoMembersSeeEachOtherJoinTalkAndLeave() throws Exception {
        TestClient ann = member("ann");
        TestClient bob = member("bob");
        assertThat(next(ann)).containsEntry("type", "joined").containsEntry("name", "bob");

        say(ann, "hi bob");
        say(bob, "hi ann \ud83d\udc4b");

        // The two messages race in on two connections; whichever came first, both see one order.
        List<Map<String, Object>> seenByAnn = List.of(next(ann), next(ann));
        List<Map<String, Object>> seenByBob = List.of(next(bob), next(bob));
        assertThat(seenByBob).isEqualTo(seenByAnn);
        assertThat(seenByAnn).allSatisfy(m -> assertThat(m).containsEntry("type", "message").containsKey("time"))
                .extracting(m -> m.get("name") + ": " + m.get("text"))
                .containsExactlyInAnyOrder("ann: hi bob", "bob: hi ann \ud83d\udc4b");

        bob.close();
        assertThat(next(ann)).containsEntry("type", "left").containsEntry("name", "bob");
    }

    @Test
    void aMalformedMessageIsAnsweredWithAnErrorAndReachesNoOneElse() throws Exception {
        TestClient ann = member("ann");
        TestClient bob = member("bob");
        assertThat(next(ann)).containsEntry("type", "joined");

        bob.sendText("{\"type\":\"say\",\"text\":\"<script>alert(1)</script>\"");
        assertThat(next(bob)).containsEntry("type", "error").containsEntry("code", "bad-json");
        bob.sendText("{\"type\":\"shout\",\"text\":\"garbage\"}");
        assertThat(next(bob)).containsEntry("type", "error").containsEntry("code", "unknown-type");
        say(ann, "after the garbage");

        // Broadcasts keep one order for everyone: had the garbage been broadcast, it would come first.
        assertThat(next(ann)).containsEntry("type", "message").containsEntry("text", "after the garbage");
        assertThat(next(bob)).containsEntry("type", "message").containsEntry("text", "after the garbage");
        assertThat(bob.isClosed()).isFalse();
    }

    @Test
    void sayingBeforeJoiningIsRefused() throws Exception {
        TestClient ann = member("ann");
        TestClient stranger = connect();

        say(stranger, "let me in");
        assertThat(next(stranger)).containsEntry("type", "error").containsEntry("code", "not-joined");
        say(ann, "only members hear this");

        assertThat(next(ann)).containsEntry("text", "only members hear this");
    }

    @Test
    void aFloodIsClosedWith1008AndTheOthersSeeTheFlooderLeave() throws Exception {
        TestClient ann = member("ann");
        TestClient flooder = member("flooder");
        assertThat(next(ann)).containsEntry("type", "joined");

        for (int i = 0; i < 40 && !flooder.isClosed(); i++) {
            say(flooder, "spam " + i);
        }

        assertThat(flooder.awaitClose().code()).isEqualTo(1008);
        Map<String, Object> last;
        do {
            last = next(ann);
            assertThat(last.get("type")).isIn("message", "left");
        } while (!"left".equals(last.get("type")));
        assertThat(last).containsEntry("name", "flooder");
    }

    @Test
    void theLongestTextWithEveryCharacterEscapedFitsTheMessageLimit() throws Exception {
        TestClient ann = member("ann");
        TestClient bob = member("bob");
        assertThat(next(ann)).containsEntry("type", "joined");
        String escaped = "\\ud83d\\ude00".repeat(ChatLimits.DEFAULTS.maxTextLength());
        String command = "{\"type\":\"say\",\"text\":\"" + escaped + "\"}";
        assertThat(command.length()).isGreaterThan(24_000).isLessThanOrEqualTo(ChatServer.MAX_MESSAGE_SIZE);

        bob.sendText(command);

        assertThat(next(ann)).containsEntry("type", "message")
                .containsEntry("text", "\ud83d\ude00".repeat(ChatLimits.DEFAULTS.maxTextLength()));
    }

    @Test
    void aMessageOverTheLimitIsClosedWith1009AndTheOthersSeeItsSenderLeave() throws Exception {
        TestClient ann = member("ann");
        TestClient bob = member("bob");
        assertThat(next(ann)).containsEntry("type", "joined");

        say(bob, "x".repeat(ChatServer.MAX_MESSAGE_SIZE));

        assertThat(bob.awaitClose().code()).isEqualTo(1009);
        assertThat(next(ann)).containsEntry("type", "left").containsEntry("name", "bob");
        say(ann, "still here");
        assertThat(next(ann)).containsEntry("type", "message").containsEntry("text", "still here");
    }

    @Test
    void aBinaryMessageIsClosedWith1003() throws Exception {
        TestClient client = member("ann");

        client.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}));

        assertThat(client.awaitClose().code()).isEqualTo(1003);
    }

    @Test
    void aNewcomerReceivesTheHistory() throws Exception {
        TestClient ann = member("ann");
        say(ann, "first");
        say(ann, "second");
        next(ann);
        next(ann);

        TestClient bob = connect();
        bob.sendText("{\"type\":\"join\",\"name\":\"bob\"}");

        Map<String, Object> welcome = next(bob);
        assertThat(welcome.get("online")).isEqualTo(List.of("ann", "bob"));
        List<Object> texts = ((List<?>) welcome.get("history")).stream()
                .<Object>map(m -> ((Map<?, ?>) m).get("text")).toList();
        assertThat(texts).containsExactly("first", "second");
    }

    @Test
    void aHandshakeFromAnotherSiteIsRefused() {
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + ChatServer.PATH);

        assertThatThrownBy(() -> TestClient.connect(uri, "http://evil.example"))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class);
    }

    @Test
    void aHandshakeFromTheServedPageIsAccepted() throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + ChatServer.PATH);
        try (TestClient client = TestClient.connect(uri, "http://127.0.0.1:" + server.port())) {
            client.sendText("{}");
            assertThat(JsonReader.parseObject(client.nextText())).containsEntry("code", "bad-message");
        }
    }
}
