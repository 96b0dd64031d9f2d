package io.niows.examples.chat;

import static io.niows.examples.chat.ChatPage.await;
import static io.niows.examples.chat.ChatPage.join;
import static io.niows.examples.chat.ChatPage.messages;
import static io.niows.examples.chat.ChatPage.notices;
import static io.niows.examples.chat.ChatPage.online;
import static io.niows.examples.chat.ChatPage.say;
import static io.niows.examples.chat.ChatPage.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.niows.WebSocketServer;
import io.niows.examples.Tls;
import io.niows.examples.trace.TraceProxy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The chat page in real headless Chromium: two people join, talk both ways, one leaves; the page
 * reconnects by itself after a server restart or a close from the server, keeping the
 * conversation on screen with the loss and the return marked and the online list greyed while
 * offline; a message the rate limit refused goes back into the box; on a 390 px wide phone the
 * header stays one line.
 *
 * <p>Uses Debian's {@code chromium} and {@code chromium-driver} (paths overridable with the
 * environment variables {@code CHROMIUM} and {@code CHROMEDRIVER}); Selenium is told both paths,
 * so it never looks for or downloads a browser. Without them the test is skipped, except under
 * {@code CI}, where it fails. Set the system property {@code niows.screenshot} to a PNG file name to
 * keep screenshots of the conversation (the phone-sized window beside it, as {@code *-phone.png}),
 * of a phone offline and back ({@code *-offline.png}, {@code *-back.png}) and of messages the rate
 * limit refused back in the box ({@code *-refused.png}).
 *
 * <p>A phone is Chromium's mobile emulation at 390 by 760 CSS pixels: a headless window is never
 * narrower than 500 pixels, whatever its requested size.
 */
@Timeout(180)
class ChatBrowserTest {

    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 760;

    private Chromium chromium;
    private WebSocketServer server;
    /** How the browser opens the page: {@code http} unless a test serves it over TLS. */
    private String scheme = "http";

    @BeforeEach
    void start() throws IOException {
        chromium = Chromium.findOrSkip();
        server = ChatServer.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws IOException {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void twoPeopleJoinTalkBothWaysAndOneLeaves() throws IOException {
        WebDriver ann = open(1000, 680);
        join(ann, "ann");
        WebDriver bob = openPhone();
        join(bob, "bob");

        await(ann, "ann sees bob join", d -> notices(d).stream().anyMatch(n -> n.startsWith("bob joined"))
                && online(d).equals(List.of("ann", "bob")));
        await(bob, "bob sees who is online", d -> online(d).equals(List.of("ann", "bob")));

        say(ann, "ann", "Hello bob! Welcome to the room.");
        say(bob, "bob", "Hi ann <b>not bold</b> & \"quoted\" \ud83d\udc4b");
        say(ann, "ann", "Markup stays text, as it should.");
        String longLine = "A line long enough to be sent compressed, both ways.".repeat(3);
        say(bob, "bob", longLine);
        for (WebDriver browser : List.of(ann, bob)) {
            await(browser, "both see all four messages, in order", d -> messages(d).equals(List.of(
                    "ann: Hello bob! Welcome to the room.",
                    "bob: Hi ann <b>not bold</b> & \"quoted\" \ud83d\udc4b",
                    "ann: Markup stays text, as it should.",
                    "bob: " + longLine)));
            assertThat(((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.dataset.wsExtensions"))
                    .as("Chromium and the chat server agreed on permessage-deflate")
                    .isEqualTo("permessage-deflate; server_no_context_takeover; client_no_context_takeover");
        }
        assertThat(ann.findElements(By.cssSelector("#messages b"))).as("no markup was rendered").isEmpty();
        assertThat(ann.findElement(By.id("status")).getText()).isEqualTo("Connected");
        saveScreenshot(ann, ".png");
        saveScreenshot(bob, "-phone.png");

        chromium.quit(bob);

        await(ann, "ann sees bob leave", d -> notices(d).stream().anyMatch(n -> n.startsWith("bob left"))
                && online(d).equals(List.of("ann")));
    }

    /**
     * The page over {@code https://} and its WebSocket over {@code wss://}, with a certificate made
     * by {@code openssl} as README shows; Chromium is told to accept it ({@code
     * --ignore-certificate-errors}), being self-signed.
     */
    @Test
    void twoPeopleTalkOverHttpsAndWss() throws Exception {
        Path dir = chromium.temporaryDirectory("niows-chat-tls-");
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1")
                .redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).as("openssl ends").isTrue();
        assertThat(openssl.exitValue()).as("openssl: " + output).isZero();
        server.close();
        server = ChatServer.start("127.0.0.1", 0, Tls.fromPem(cert, key));
        scheme = "https";
        ChromeOptions trustingAnyCertificate = new ChromeOptions();
        trustingAnyCertificate.addArguments("--ignore-certificate-errors");
        WebDriver ann = open(trustingAnyCertificate, 1000, 680);
        join(ann, "ann");
        ChromeOptions alsoTrusting = new ChromeOptions();
        alsoTrusting.addArguments("--ignore-certificate-errors");
        WebDriver bob = open(alsoTrusting, 1000, 680);
        join(bob, "bob");
        say(ann, "ann", "over TLS now");
        say(bob, "bob", "both ways");
        for (WebDriver browser : List.of(ann, bob)) {
            await(browser, "both see both messages", d -> messages(d).equals(List.of(
                    "ann: over TLS now", "bob: both ways")));
            assertThat(((JavascriptExecutor) browser).executeScript("return location.protocol")).isEqualTo("https:");
        }
    }

    /**
     * The chat watched through the tracing proxy ({@code niows-examples.jar trace}). The chat
     * answers only requests whose {@code Host} names its own port, so the proxy listens on
     * 127.0.0.1 and the chat on 127.0.0.2 with the same port: the browser's {@code Host} and
     * {@code Origin} then name the chat's port, and the proxy relays them unchanged. The trace is
     * kept in {@code target/chat-trace.txt}.
     */
    @Test
    void aChatSessionThroughTheTracingProxyShowsHeadsMaskedCompressedFramesAndTheBroadcast() throws IOException {
        server.close();
        List<String> trace = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (TraceProxy proxy = TraceProxy.start("127.0.0.1", 0, java.net.URI.create("ws://127.0.0.2:0/"), false,
                trace::add)) {
            // The proxy's port is known once it listens; the chat takes the same one on 127.0.0.2.
            proxy.retarget(new java.net.InetSocketAddress("127.0.0.2", proxy.port()));
            server = ChatServer.start("127.0.0.2", proxy.port());
            WebDriver ann = open(1000, 680);
            join(ann, "ann");
            WebDriver bob = open(1000, 680);
            join(bob, "bob");
            say(ann, "ann", "Hello bob!");
            String longLine = "A line long enough to be sent compressed, both ways.".repeat(3);
            say(bob, "bob", longLine);
            await(ann, "ann sees both messages",
                    d -> messages(d).equals(List.of("ann: Hello bob!", "bob: " + longLine)));
        }
        Files.write(Path.of("target", "chat-trace.txt"), trace, StandardCharsets.UTF_8);
        assertThat(trace).anySatisfy(line -> assertThat(line).contains("\u2192 C2S | GET /chat HTTP/1.1"));
        assertThat(trace).anySatisfy(line -> assertThat(line)
                .contains("\u2190 S2C | Sec-WebSocket-Extensions: permessage-deflate"));
        assertThat(trace).as("a browser masks every frame it sends")
                .filteredOn(line -> line.contains("\u2192 C2S FIN")).isNotEmpty()
                .allSatisfy(line -> assertThat(line).containsPattern("mask=[0-9a-f]{8}"));
        assertThat(trace).as("the long line went compressed, its inflated size shown")
                .anySatisfy(line -> assertThat(line).contains("\u2192 C2S FIN RSV1 text").contains("inflated="));
        assertThat(trace).as("ann's message broadcast to both, unmasked")
                .filteredOn(line -> line.contains("\u2190 S2C FIN text")
                        && line.contains("\"{\\\"type\\\":\\\"message\\\",\\\"name\\\":\\\"ann\\\"")).hasSize(2);
    }

    @Test
    void acrossAServerRestartThePageKeepsTheConversationAndMarksTheGap() throws IOException {
        WebDriver ann = openPhone();
        join(ann, "ann");
        say(ann, "ann", "before the restart");
        assertThat(onlineListOpacity(ann)).as("the online list while connected").isEqualTo(1.0);
        assertHeaderIsOneLine(ann, "Connected");
        int port = server.port();

        server.close();
        await(ann, "the page shows it is offline and marks the loss", d -> status(d).startsWith("Offline")
                && notices(d).stream().anyMatch(n -> n.startsWith("Connection lost")));
        assertThat(messages(ann)).as("the conversation stays on screen").containsExactly("ann: before the restart");
        assertThat(online(ann)).as("the list shows who was online").containsExactly("ann");
        assertThat(ann.findElement(By.id("people")).getDomAttribute("class")).contains("offline");
        assertThat(onlineListOpacity(ann)).as("the online list while offline is greyed").isLessThan(1.0);
        saveScreenshot(ann, "-offline.png");
        assertHeaderIsOneLine(ann, "Offline");
        server = ChatServer.start("127.0.0.1", port);

        await(ann, "the page reconnects, rejoins and marks it", d -> status(d).equals("Connected")
                && notices(d).stream().anyMatch(n -> n.startsWith("Reconnected as ann")));
        assertThat(notices(ann)).as("the timeline").satisfiesExactly(
                n -> assertThat(n).isEqualTo("You joined as ann"),
                n -> assertThat(n).startsWith("Connection lost · "),
                n -> assertThat(n).startsWith("Reconnected as ann · "));
        assertThat(onlineListOpacity(ann)).as("the online list once back").isEqualTo(1.0);
        say(ann, "ann", "back again");
        assertThat(messages(ann)).containsExactly("ann: before the restart", "ann: back again");
        saveScreenshot(ann, "-back.png");
    }

    @Test
    void aMessageTheRateLimitRefusesGoesBackIntoTheBox() throws IOException {
        WebDriver ann = open(1000, 680);
        join(ann, "ann");
        // More than the burst of 8 (the join took one token) at once: some are refused.
        List<String> texts = numbered("burst", 12);

        List<String> kept = sendAtOnceAndAccount(ann, texts);

        assertThat(kept).as("what the rate limit refused is back in the box").isNotEmpty();
        assertThat(texts).as("the box keeps the order they were sent in").containsSubsequence(kept);
        assertThat(ann.findElement(By.id("say-error")).getText()).contains("too fast");
        assertThat(status(ann)).isEqualTo("Connected");
        saveScreenshot(ann, "-refused.png");
    }

    @Test
    void afterTheServerClosesAFloodThePageRejoinsTheSameRoomWithoutRepeatingOrLosingMessages() throws IOException {
        WebDriver ann = open(1000, 680);
        join(ann, "ann");
        // The burst, then ten refusals in a row: the server closes the connection with 1008.
        List<String> texts = numbered("flood", 24);

        List<String> kept = sendAtOnceAndAccount(ann, texts);
        List<String> accepted = messages(ann);

        await(ann, "the page marks the loss and rejoins the same room",
                d -> notices(d).stream().anyMatch(n -> n.startsWith("Connection lost"))
                        && notices(d).stream().anyMatch(n -> n.startsWith("Reconnected as ann"))
                        && status(d).equals("Connected"));
        assertThat(kept).as("the refused messages are back in the box").isNotEmpty();
        assertThat(messages(ann)).as("the room's history adds nothing already on screen").isEqualTo(accepted);
        ann.findElement(By.id("message")).clear();
        say(ann, "ann", "still here");
        assertThat(messages(ann)).doesNotHaveDuplicates().endsWith("ann: still here");
    }

    /**
     * Submits every text from one script, so that they leave together, then waits until each is
     * either on screen as sent, once, or back in the box. Returns the box's lines.
     */
    private static List<String> sendAtOnceAndAccount(WebDriver driver, List<String> texts) {
        ((JavascriptExecutor) driver).executeScript("const box = document.getElementById('message');"
                + "const form = document.getElementById('say-form');"
                + "for (const text of arguments[0]) { box.value = text; form.requestSubmit(); }", texts);
        await(driver, "every message is answered", d -> {
            List<String> accounted = new ArrayList<>(boxLines(d));
            messages(d).forEach(m -> accounted.add(m.substring(m.indexOf(": ") + 2)));
            return accounted.containsAll(texts);
        });
        List<String> kept = boxLines(driver);
        List<String> shown = messages(driver).stream().map(m -> m.substring(m.indexOf(": ") + 2)).toList();
        assertThat(shown).as("on screen").doesNotHaveDuplicates().doesNotContainAnyElementsOf(kept);
        assertThat(shown.size() + kept.size()).as("nothing lost, nothing twice").isEqualTo(texts.size());
        return kept;
    }

    private static List<String> numbered(String prefix, int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            texts.add(prefix + " " + i);
        }
        return texts;
    }

    private static List<String> boxLines(WebDriver driver) {
        String value = driver.findElement(By.id("message")).getDomProperty("value");
        return value == null || value.isEmpty() ? List.of() : List.of(value.split("\n"));
    }

    private static double onlineListOpacity(WebDriver driver) {
        return ((Number) ((JavascriptExecutor) driver).executeScript(
                "return parseFloat(getComputedStyle(document.getElementById('online')).opacity)")).doubleValue();
    }

    /**
     * On the phone, while the status starts with {@code status}: the header's visible parts each
     * lie on one line, none cut short, and the header is as high as the tallest of them, so one
     * line in all. Offline, the retry button is one of those parts. The page is measured in one
     * script, and again until the status is the one asked for, since an offline page tries to
     * reconnect now and then.
     */
    private static void assertHeaderIsOneLine(WebDriver driver, String status) {
        String script = "const bar = document.querySelector('header.bar');"
                + "const style = getComputedStyle(bar);"
                + "const parts = Array.from(bar.querySelectorAll('h1, #status, #retry'))"
                + "  .filter(e => e.offsetParent !== null);"
                + "const lines = (e) => { const r = document.createRange(); r.selectNodeContents(e);"
                + "  const tops = Array.from(r.getClientRects()).filter(x => x.width > 0).map(x => Math.round(x.top));"
                + "  return new Set(tops).size; };"
                + "return { status: document.getElementById('status').textContent, width: window.innerWidth,"
                + "  parts: parts.map(e => e.id || e.tagName.toLowerCase()),"
                + "  inner: bar.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom),"
                + "  tallest: Math.max(...parts.map(e => e.getBoundingClientRect().height)),"
                + "  lines: parts.map(lines),"
                + "  cut: parts.filter(e => e.scrollWidth > e.clientWidth).map(e => e.id || e.tagName) };";
        AtomicReference<Map<?, ?>> measured = new AtomicReference<>();
        await(driver, "a header measured while " + status, d -> {
            measured.set((Map<?, ?>) ((JavascriptExecutor) d).executeScript(script));
            return String.valueOf(measured.get().get("status")).startsWith(status);
        });
        Map<?, ?> header = measured.get();
        String when = "while \"" + header.get("status") + "\"";
        assertThat(((Number) header.get("width")).intValue()).as("the phone's width").isEqualTo(PHONE_WIDTH);
        List<String> parts = ((List<?>) header.get("parts")).stream().map(String::valueOf).toList();
        assertThat(parts).as("the header's parts " + when).isEqualTo(status.equals("Offline")
                ? List.of("h1", "status", "retry") : List.of("h1", "status"));
        assertThat((List<?>) header.get("lines")).as("lines of each header part " + when)
                .allMatch(n -> ((Number) n).intValue() == 1);
        assertThat((List<?>) header.get("cut")).as("header parts cut short " + when).isEmpty();
        assertThat(((Number) header.get("inner")).doubleValue()).as("the header's height " + when)
                .isCloseTo(((Number) header.get("tallest")).doubleValue(), within(1.0));
    }

    private WebDriver openPhone() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT, "pixelRatio", 1.0)));
        return open(options, 500, PHONE_HEIGHT);
    }

    private WebDriver open(int width, int height) throws IOException {
        return open(new ChromeOptions(), width, height);
    }

    private WebDriver open(ChromeOptions options, int width, int height) throws IOException {
        return chromium.open(options, width, height, scheme + "://127.0.0.1:" + server.port() + "/");
    }

    /** With {@code -Dniows.screenshot=dir/chat.png}, keeps this window as dir/chat{suffix}. */
    private static void saveScreenshot(WebDriver driver, String suffix) throws IOException {
        String target = System.getProperty("niows.screenshot");
        if (target != null && !target.isBlank()) {
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.move(png, Path.of(target.replaceFirst("\\.png$", "") + suffix),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
