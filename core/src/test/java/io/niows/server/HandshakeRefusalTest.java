package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.HandshakeDecision;
import io.niows.HttpResponse;
import io.niows.WebSocketServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every refusal of the opening handshake is an HTTP answer with its status, then TCP closes. */
class HandshakeRefusalTest {

    private static WebSocketServer server;

    @BeforeAll
    static void start() throws Exception {
        server = Servers.loopback()
                .route("/echo", Servers.ECHO)
                .route("/private", Servers.ECHO)
                .handshakeHook(request -> "/private".equals(request.path())
                        && !"https://good.example".equals(request.origin())
                        ? HandshakeDecision.refuse(403, "origin not allowed")
                        : HandshakeDecision.accept())
                .fallback(request -> "/page".equals(request.path())
                        ? HttpResponse.of(200, "text/html; charset=utf-8",
                                "<p>hi</p>".getBytes(StandardCharsets.UTF_8))
                        : "/elsewhere".equals(request.path())
                        ? HttpResponse.text(421, "not served here").withHeader("X-Served-By", "fallback")
                        : HttpResponse.text(404, "nothing here"))
                .maxHandshakeSize(4096)
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String exchange(String request) throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(request.getBytes(StandardCharsets.ISO_8859_1));
            return c.readToEnd();
        }
    }

    private static String upgrade(String method, String path, String headers) {
        return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n";
    }

    private static final String GOOD = "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: " + RawClient.KEY + "\r\nSec-WebSocket-Version: 13\r\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "POST is not GET|POST|/echo|" + "Upgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\\r\\nSec-WebSocket-Version: 13\\r\\n|405",
        "no Connection upgrade|GET|/echo|Upgrade: websocket\\r\\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\\r\\nSec-WebSocket-Version: 13\\r\\n|400",
        "short key|GET|/echo|Upgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Key: c2hvcnQ=\\r\\nSec-WebSocket-Version: 13\\r\\n|400",
        "no key|GET|/echo|Upgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Version: 13\\r\\n|400",
        "version 8|GET|/echo|Upgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\\r\\nSec-WebSocket-Version: 8\\r\\n|426",
        "unknown path|GET|/nowhere|" + "Upgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\\r\\nSec-WebSocket-Version: 13\\r\\n|404",
        "origin refused by the hook|GET|/private|" + "Upgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\\r\\nSec-WebSocket-Version: 13\\r\\nOrigin: https://evil.example\\r\\n|403",
    })
    void refusalsCarryTheirStatus(String what, String method, String path, String headers, int status)
            throws Exception {
        String answer = exchange(upgrade(method, path, headers.replace("\\r\\n", "\r\n")));
        assertThat(answer).as(what).startsWith("HTTP/1.1 " + status + " ");
        assertThat(answer.substring(answer.indexOf("\r\n\r\n") + 4)).as(what).isNotBlank().doesNotContain("\r");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "HTTP/2.0|505",
        "HTTP/1.0|400"})
    void anHttpVersionOtherThan11IsRefused(String version, int status) throws Exception {
        String answer = exchange("GET /echo " + version + "\r\nHost: 127.0.0.1\r\n" + GOOD + "\r\n");
        assertThat(answer).startsWith("HTTP/1.1 " + status + " ");
    }

    @Test
    void aRequestWithoutHostIsRefused() throws Exception {
        String answer = exchange("GET /echo HTTP/1.1\r\n" + GOOD + "\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400 ");
        assertThat(answer).containsIgnoringCase("host");
    }

    @Test
    void aWrongVersionIsToldWhichVersionToUse() throws Exception {
        String answer = exchange(upgrade("GET", "/echo", GOOD.replace("Version: 13", "Version: 7")));
        assertThat(answer).startsWith("HTTP/1.1 426 ").contains("Sec-WebSocket-Version: 13\r\n");
    }

    @Test
    void tooManyHeaderBytesGet431() throws Exception {
        String answer = exchange(upgrade("GET", "/echo", GOOD + "X-Filler: " + "a".repeat(5000) + "\r\n"));
        assertThat(answer).startsWith("HTTP/1.1 431 ");
    }

    @Test
    void anOverlongRequestLineGets414() throws Exception {
        String answer = exchange(upgrade("GET", "/" + "a".repeat(10_000), GOOD));
        assertThat(answer).startsWith("HTTP/1.1 414 ");
    }

    @Test
    void theHookLetsAGoodOriginIn() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.send(upgrade("GET", "/private", GOOD + "Origin: https://good.example\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(c.readHead()).startsWith("HTTP/1.1 101 ");
        }
    }

    @Test
    void plainHttpIsServedByTheFallback() throws Exception {
        String page = exchange("GET /page HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(page).startsWith("HTTP/1.1 200 ").contains("Content-Length: 9\r\n").endsWith("<p>hi</p>");
        assertThat(exchange("GET /other HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")).startsWith("HTTP/1.1 404 ");
        assertThat(exchange("GET /elsewhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
                .startsWith("HTTP/1.1 421 Misdirected Request\r\n").contains("\r\nX-Served-By: fallback\r\n");
    }

    @Test
    void aRefusalHarmsNoOpenConnection() throws Exception {
        try (RawClient open = RawClient.open(server.port(), "/echo")) {
            exchange(upgrade("GET", "/echo", "Upgrade: websocket\r\n"));
            open.send(RawClient.text("unharmed"));
            assertThat(open.readFrame().text()).isEqualTo("unharmed");
        }
    }
}
