package io.niows.examples.chat.redis;

import static io.niows.examples.chat.ChatPage.await;
import static io.niows.examples.chat.ChatPage.join;
import static io.niows.examples.chat.ChatPage.messages;
import static io.niows.examples.chat.ChatPage.notices;
import static io.niows.examples.chat.ChatPage.online;
import static io.niows.examples.chat.ChatPage.say;
import static io.niows.examples.chat.ChatPage.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.niows.examples.chat.ChatNode;
import io.niows.examples.chat.ChatPage;
import io.niows.examples.chat.ChatPeers;
import io.niows.examples.chat.ChatServer;
import io.niows.examples.chat.Chromium;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A page fails over to another node of a Redis-shared room when its own node stops: two chat nodes
 * given each other as peers ({@code --peers}) and a real redis-server; the first node in a JVM of
 * its own, so that it can be killed (SIGKILL) or stopped (SIGTERM); one headless-Chromium page on
 * each node. The page of the stopped node must be back, on the second node, under the same name,
 * with the room's history and who is online, within {@link #FAILOVER}; what it says then reaches
 * the page on the second node. Uses Debian's {@code chromium}, {@code chromium-driver} and
 * {@code redis-server}; skipped without them, failed under {@code CI}.
 */
@Timeout(180)
class RedisFailoverBrowserTest {

    /**
     * The longest a failover may take: the page's first retry (at most 0.5 s), for a killed node
     * its names' expiry in Redis (at most 3 s) with the page's rejoin once a second, for a node
     * that never answers the page's opening timeout (5 s) and its next retry (at most 1 s); the
     * rest is slack for a loaded machine.
     */
    private static final Duration FAILOVER = Duration.ofSeconds(20);

    private Chromium chromium;
    private RedisServer redis;
    private ChatNodeProcess first;
    private ChatNode second;
    private int firstPort;
    private int secondPort;
    /** A listening socket that never accepts: a node that is there and never answers. */
    private ServerSocket silent;

    @BeforeEach
    void start() throws Exception {
        chromium = Chromium.findOrSkip();
        redis = RedisServer.start();
        firstPort = ChatNodeProcess.freePort();
        secondPort = ChatNodeProcess.freePort();
    }

    /** Starts the two nodes, each given this list of the room's nodes. */
    private void startNodes(String peers) throws Exception {
        first = ChatNodeProcess.start("--port", String.valueOf(firstPort), "--redis", redis.uri().toString(),
                "--peers", peers);
        second = ChatServer.start("127.0.0.1", secondPort, null, redis.uri(), ChatPeers.parse(peers));
        long deadline = System.nanoTime() + ChatPage.WAIT.toNanos();
        while (!second.redis().subscribed() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (chromium != null) {
                chromium.close();
            }
            if (second != null) {
                second.close();
            }
            if (first != null) {
                first.close();
            }
            if (silent != null) {
                silent.close();
            }
        } finally {
            if (redis != null) {
                redis.close();
            }
        }
    }

    @Test
    void aPageWhoseNodeIsKilledRejoinsOnTheOtherNodeOnceItsNameExpires() throws Exception {
        startNodes(url(firstPort) + "," + url(secondPort));
        failsOver(ChatNodeProcess::kill);
    }

    @Test
    void aPageWhoseNodeIsStoppedRejoinsOnTheOtherNode() throws Exception {
        startNodes(url(firstPort) + "," + url(secondPort));
        failsOver(ChatNodeProcess::stop);
    }

    /**
     * The kernel completes the TCP handshake of a listening socket that never accepts, and no one
     * answers the upgrade: the page gives that node up after its opening timeout (5 s) and goes on.
     */
    @Test
    void aPageSkipsANodeThatNeverAnswers() throws Exception {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        startNodes(url(firstPort) + "," + url(silent.getLocalPort()) + "," + url(secondPort));
        failsOver(ChatNodeProcess::stop);
    }

    private interface Stop {
        void stop(ChatNodeProcess node) throws Exception;
    }

    private void failsOver(Stop stop) throws Exception {
        WebDriver bob = open(secondPort);
        join(bob, "bob");
        WebDriver ann = open(firstPort);
        join(ann, "ann");
        say(ann, "ann", "said on the first node");
        await(bob, "bob sees ann's message", d -> messages(d).contains("ann: said on the first node"));
        say(bob, "bob", "seen on the second node");
        await(ann, "ann sees bob's answer", d -> messages(d).contains("bob: seen on the second node"));
        assertThat(connectedTo(ann)).isEqualTo(url(firstPort));

        stop.stop(first);
        say(bob, "bob", "said while ann was away");

        within(ann, "ann's page is back as ann, on the second node, with who is online", d ->
                url(secondPort).equals(connectedTo(d)) && status(d).equals("Connected")
                        && notices(d).stream().anyMatch(n -> n.startsWith("Reconnected as ann"))
                        && online(d).equals(List.of("ann", "bob")));
        assertThat(messages(ann)).as("the room's history, merged with what was on screen, nothing twice")
                .containsExactly("ann: said on the first node", "bob: seen on the second node",
                        "bob: said while ann was away");

        say(ann, "ann", "said on the second node");
        await(bob, "bob, on the second node, sees what ann says after the failover",
                d -> messages(d).contains("ann: said on the second node"));
        assertThat(online(bob)).containsExactlyInAnyOrder("ann", "bob");
    }

    private static String url(int port) {
        return "ws://127.0.0.1:" + port + ChatServer.PATH;
    }

    private static String connectedTo(WebDriver driver) {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.documentElement.dataset.wsUrl");
    }

    /**
     * Waits at most {@link #FAILOVER}. The failure tells what the browser's console said meanwhile
     * (why each socket failed: refused, a 403 handshake, blocked by the page's policy), collected
     * at each poll because the driver hands each entry out once.
     */
    private static void within(WebDriver driver, String what, Function<WebDriver, Boolean> condition) {
        List<String> console = new ArrayList<>();
        try {
            new WebDriverWait(driver, FAILOVER).until(d -> {
                d.manage().logs().get(LogType.BROWSER).forEach(entry -> console.add(entry.toString()));
                return condition.apply(d);
            });
        } catch (TimeoutException e) {
            throw new AssertionError(what + " within " + FAILOVER + "; status \"" + status(driver)
                    + "\", connected to " + connectedTo(driver) + ", online " + online(driver) + ", notices "
                    + notices(driver) + "; browser console:\n" + String.join("\n", console), e);
        }
    }

    private WebDriver open(int port) throws IOException {
        ChromeOptions options = new ChromeOptions();
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return chromium.open(options, 1000, 680, "http://127.0.0.1:" + port + "/");
    }
}
