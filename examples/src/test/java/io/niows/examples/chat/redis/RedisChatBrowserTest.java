package io.niows.examples.chat.redis;

import static io.niows.examples.chat.ChatPage.await;
import static io.niows.examples.chat.ChatPage.join;
import static io.niows.examples.chat.ChatPage.messages;
import static io.niows.examples.chat.ChatPage.online;
import static io.niows.examples.chat.ChatPage.say;

import io.niows.examples.chat.ChatNode;
import io.niows.examples.chat.ChatPage;
import io.niows.examples.chat.ChatServer;
import io.niows.examples.chat.Chromium;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Two chat nodes sharing a room through a real redis-server, one headless-Chromium page on each:
 * they see each other join, talk across the nodes and see each other leave. Uses Debian's {@code chromium} and
 * {@code chromium-driver} and {@code redis-server}; skipped without them, failed under {@code CI}.
 */
@Timeout(180)
class RedisChatBrowserTest {

    private Chromium chromium;
    private RedisServer redis;
    private final List<ChatNode> nodes = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        chromium = Chromium.findOrSkip();
        redis = RedisServer.start();
        for (int i = 0; i < 2; i++) {
            nodes.add(ChatServer.start("127.0.0.1", 0, null, redis.uri()));
        }
        long deadline = System.nanoTime() + ChatPage.WAIT.toNanos();
        while (!nodes.stream().allMatch(n -> n.redis().subscribed()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (chromium != null) {
                chromium.close();
            }
            nodes.forEach(ChatNode::close);
        } finally {
            if (redis != null) {
                redis.close();
            }
        }
    }

    @Test
    void pagesOnTwoNodesSeeEachOtherTalkAndLeave() throws IOException {
        WebDriver ann = open(nodes.get(0).server().port(), "");
        join(ann, "ann");
        WebDriver bob = open(nodes.get(1).server().port(), "");
        join(bob, "bob");
        await(ann, "ann, on the first node, sees bob join on the second",
                d -> online(d).equals(List.of("ann", "bob")));

        say(ann, "ann", "hello from the first node");
        say(bob, "bob", "hello from the second node");
        for (WebDriver page : List.of(ann, bob)) {
            await(page, "both messages reach both pages", d -> messages(d).containsAll(List.of(
                    "ann: hello from the first node", "bob: hello from the second node")));
        }

        chromium.quit(bob);
        await(ann, "ann sees bob leave the other node", d -> online(d).equals(List.of("ann")));
    }

    private WebDriver open(int port, String query) throws IOException {
        return chromium.open(new ChromeOptions(), 1000, 680, "http://127.0.0.1:" + port + "/" + query);
    }
}
