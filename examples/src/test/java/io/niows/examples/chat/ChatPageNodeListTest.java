package io.niows.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocketServer;
import io.niows.examples.EchoServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The chat page's walk through its list of nodes, in headless Chromium, without Redis: servers
 * that serve the page with a list the test chooses, and echo servers standing for nodes (the
 * page only has to connect). Uses Debian's {@code chromium} and {@code chromium-driver}; skipped
 * without them, failed under {@code CI}.
 */
@Timeout(120)
class ChatPageNodeListTest {

    private static final String WEB = "/io/niows/examples/chat/web/";

    private Chromium chromium;
    private WebSocketServer page;
    private WebSocketServer blocked;
    private WebSocketServer allowed;

    @BeforeEach
    void start() throws IOException {
        chromium = Chromium.findOrSkip();
        blocked = EchoServer.start("127.0.0.1", 0);
        allowed = EchoServer.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws IOException {
        try {
            chromium.close();
        } finally {
            for (WebSocketServer server : new WebSocketServer[] {page, blocked, allowed}) {
                if (server != null) {
                    server.close();
                }
            }
        }
    }

    /**
     * Chromium tells a page of a WebSocket its policy blocks with an {@code error} event and no
     * {@code close} event; the page once waited for the close and stayed "Connecting…" for ever.
     * Here the page's own server has no WebSocket (404), the next node is missing from the
     * policy's {@code connect-src}, and the one after it is allowed: the page must get there.
     */
    @Test
    void aNodeThePolicyBlocksIsSkipped() throws IOException {
        String blockedUrl = url(blocked);
        String allowedUrl = url(allowed);
        String html = resource("index.html").replace("<meta name=\"niows-chat-peers\" content=\"\">",
                "<meta name=\"niows-chat-peers\" content=\"" + blockedUrl + " " + allowedUrl + "\">");
        page = WebSocketServer.builder().host("127.0.0.1").port(0)
                .fallback(StaticFiles.builder()
                        .connectSources(List.of("ws://127.0.0.1:" + allowed.port()))
                        .content("/", html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8")
                        .file("/chat.js", WEB + "chat.js", "text/javascript; charset=utf-8")
                        .file("/chat.css", WEB + "chat.css", "text/css; charset=utf-8")
                        .build())
                .build().start();

        WebDriver driver = chromium.open(new ChromeOptions(), 1000, 680, "http://127.0.0.1:" + page.port() + "/");

        ChatPage.await(driver, "the page skips the blocked node and connects to the allowed one",
                d -> allowedUrl.equals(connectedTo(d)) && ChatPage.status(d).equals("Connected"));
        assertThat(blocked.metrics().connectionsAccepted()).as("the policy kept the page from the blocked node")
                .isZero();
    }

    private static String url(WebSocketServer server) {
        return "ws://127.0.0.1:" + server.port() + ChatServer.PATH;
    }

    private static String connectedTo(WebDriver driver) {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.documentElement.dataset.wsUrl");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ChatPageNodeListTest.class.getResourceAsStream(WEB + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
