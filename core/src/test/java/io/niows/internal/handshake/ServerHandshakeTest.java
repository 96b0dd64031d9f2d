package io.niows.internal.handshake;

import static io.niows.internal.handshake.Heads.parseRequest;
import static io.niows.internal.handshake.HttpRequestParserTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 6455 §4.2: the server's checks and answer. */
class ServerHandshakeTest {

    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    /** The request lines of RFC 6455 §1.2, less Origin and the subprotocols. */
    private static List<String> validHeaders() {
        return new ArrayList<>(List.of("Host: server.example.com", "Upgrade: websocket",
                "Connection: Upgrade", "Sec-WebSocket-Key: " + KEY, "Sec-WebSocket-Version: 13"));
    }

    private static HttpRequest requestWith(List<String> headers) throws HttpError {
        return parseRequest(Heads.request("GET /chat HTTP/1.1", headers.toArray(String[]::new)));
    }

    private static HttpRequest requestWithout(String name) throws HttpError {
        List<String> headers = validHeaders();
        headers.removeIf(line -> line.startsWith(name + ":"));
        return requestWith(headers);
    }

    private static HttpRequest requestReplacing(String name, String... lines) throws HttpError {
        List<String> headers = validHeaders();
        headers.removeIf(line -> line.startsWith(name + ":"));
        headers.addAll(List.of(lines));
        return requestWith(headers);
    }

    @Test
    void validRequestReturnsItsKey() throws HttpError {
        assertThat(ServerHandshake.validate(requestWith(validHeaders()))).isEqualTo(KEY);
    }

    @Test
    void chromeRequestIsValid() throws HttpError {
        assertThat(ServerHandshake.validate(parseRequest(Heads.CHROME_REQUEST))).isEqualTo(KEY);
    }

    @Test
    void postIs405WithAllowGet() throws HttpError {
        HttpRequest post = parseRequest(Heads.request("POST /chat HTTP/1.1",
                validHeaders().toArray(String[]::new)));
        assertError(() -> ServerHandshake.validate(post), 405, "method must be GET");
        assertThatThrownBy(() -> ServerHandshake.validate(post)).isInstanceOfSatisfying(HttpError.class,
                e -> assertThat(e.extraHeaders()).containsExactly(entry("Allow", "GET")));
    }

    @Test
    void methodIsCaseSensitive() throws HttpError {
        HttpRequest lower = parseRequest(Heads.request("get /chat HTTP/1.1",
                validHeaders().toArray(String[]::new)));
        assertError(() -> ServerHandshake.validate(lower), 405, "method must be GET");
    }

    @Test
    void versionBeforeHttp11IsRefusedEvenIfTheRequestWasBuiltByHand() {
        HttpHeaders.Builder headers = new HttpHeaders.Builder();
        HttpRequest old = new HttpRequest("GET", "/", "HTTP/1.0", headers.build());
        assertError(() -> ServerHandshake.validate(old), 400, "request must be HTTP/1.1 or later, not HTTP/1.0");
        HttpRequest newer = new HttpRequest("GET", "/", "HTTP/2.0", headers.build());
        assertError(() -> ServerHandshake.validate(newer), 505, "HTTP version 2.0 not supported");
    }

    @Test
    void missingHostIs400() throws HttpError {
        assertError(() -> ServerHandshake.validate(requestWithout("Host")), 400, "missing Host header");
    }

    @Test
    void twoHostHeadersAre400() throws HttpError {
        HttpRequest request = requestReplacing("Host", "Host: a", "Host: b");
        assertError(() -> ServerHandshake.validate(request), 400, "more than one Host header");
    }

    @Test
    void missingOrWrongUpgradeIs400() throws HttpError {
        assertError(() -> ServerHandshake.validate(requestWithout("Upgrade")), 400,
                "Upgrade header must include websocket");
        HttpRequest h2c = requestReplacing("Upgrade", "Upgrade: h2c");
        assertError(() -> ServerHandshake.validate(h2c), 400, "Upgrade header must include websocket");
    }

    @Test
    void missingOrWrongConnectionIs400() throws HttpError {
        assertError(() -> ServerHandshake.validate(requestWithout("Connection")), 400,
                "Connection header must include Upgrade");
        HttpRequest keepAlive = requestReplacing("Connection", "Connection: keep-alive");
        assertError(() -> ServerHandshake.validate(keepAlive), 400, "Connection header must include Upgrade");
    }

    @Test
    void tokenListsAreMatchedIgnoringCase() throws HttpError {
        HttpRequest firefox = requestReplacing("Connection", "Connection: keep-alive, Upgrade");
        assertThat(ServerHandshake.validate(firefox)).isEqualTo(KEY);
        HttpRequest shouting = requestReplacing("Upgrade", "upgrade: WebSocket");
        assertThat(ServerHandshake.validate(shouting)).isEqualTo(KEY);
        HttpRequest lowerConnection = requestReplacing("Connection", "connection: upgrade");
        assertThat(ServerHandshake.validate(lowerConnection)).isEqualTo(KEY);
    }

    @Test
    void tokensAreFoundAcrossSeveralHeaderLines() throws HttpError {
        HttpRequest request = requestReplacing("Connection", "Connection: keep-alive", "Connection: Upgrade");
        assertThat(ServerHandshake.validate(request)).isEqualTo(KEY);
    }

    @Test
    void missingOrWrongVersionIs426WithVersion13() throws HttpError {
        for (HttpRequest request : List.of(requestWithout("Sec-WebSocket-Version"),
                requestReplacing("Sec-WebSocket-Version", "Sec-WebSocket-Version: 8"))) {
            assertError(() -> ServerHandshake.validate(request), 426, "Sec-WebSocket-Version must be 13");
            assertThatThrownBy(() -> ServerHandshake.validate(request)).isInstanceOfSatisfying(HttpError.class,
                    e -> assertThat(e.extraHeaders()).containsExactly(entry("Sec-WebSocket-Version", "13")));
        }
    }

    @Test
    void repeatedVersionIs400() throws HttpError {
        HttpRequest request = requestReplacing("Sec-WebSocket-Version",
                "Sec-WebSocket-Version: 13", "Sec-WebSocket-Version: 13");
        assertError(() -> ServerHandshake.validate(request), 400, "more than one Sec-WebSocket-Version header");
    }

    @Test
    void missingRepeatedOrInvalidKeyIs400() throws HttpError {
        assertError(() -> ServerHandshake.validate(requestWithout("Sec-WebSocket-Key")), 400,
                "missing Sec-WebSocket-Key header");
        HttpRequest twice = requestReplacing("Sec-WebSocket-Key",
                "Sec-WebSocket-Key: " + KEY, "Sec-WebSocket-Key: " + KEY);
        assertError(() -> ServerHandshake.validate(twice), 400, "more than one Sec-WebSocket-Key header");
        HttpRequest shortKey = requestReplacing("Sec-WebSocket-Key", "Sec-WebSocket-Key: c2hvcnQ=");
        assertError(() -> ServerHandshake.validate(shortKey), 400, "Sec-WebSocket-Key is not 16 bytes in base64");
    }

    @Test
    void checksRunInTheOrderOfTheRfc() throws HttpError {
        HttpRequest nothing = parseRequest(Heads.request("POST / HTTP/1.1"));
        assertError(() -> ServerHandshake.validate(nothing), 405, "method must be GET");
        HttpRequest onlyHost = parseRequest(Heads.request("GET / HTTP/1.1", "Host: h"));
        assertError(() -> ServerHandshake.validate(onlyHost), 400, "Upgrade header must include websocket");
        HttpRequest neither = parseRequest(Heads.request("GET / HTTP/1.1", "Host: h",
                "Upgrade: websocket", "Connection: Upgrade"));
        assertError(() -> ServerHandshake.validate(neither), 426, "Sec-WebSocket-Version must be 13");
    }

    @Test
    void upgradeRequestsAreToldFromPlainHttp() throws HttpError {
        assertThat(ServerHandshake.isUpgradeRequest(requestWith(validHeaders()))).isTrue();
        assertThat(ServerHandshake.isUpgradeRequest(parseRequest(Heads.request("GET /index.html HTTP/1.1",
                "Host: h")))).isFalse();
        assertThat(ServerHandshake.isUpgradeRequest(requestReplacing("Upgrade", "Upgrade: h2c, WEBSOCKET")))
                .isTrue();
    }

    @Test
    void offeredSubprotocolsComeFromEveryLineInOrder() throws HttpError {
        HttpRequest request = requestReplacing("X", "Sec-WebSocket-Protocol: chat, superchat",
                "Sec-WebSocket-Protocol: v2.json");
        assertThat(ServerHandshake.offeredSubprotocols(request)).containsExactly("chat", "superchat", "v2.json");
        assertThat(ServerHandshake.offeredSubprotocols(requestWith(validHeaders()))).isEmpty();
    }

    @Test
    void subprotocolIsChosenInTheServersOrderOfPreference() {
        List<String> offered = List.of("chat", "superchat", "v2.json");
        assertThat(ServerHandshake.selectSubprotocol(List.of("v2.json", "chat"), offered)).isEqualTo("v2.json");
        assertThat(ServerHandshake.selectSubprotocol(List.of("mqtt", "superchat"), offered)).isEqualTo("superchat");
        assertThat(ServerHandshake.selectSubprotocol(List.of("mqtt"), offered)).isNull();
        assertThat(ServerHandshake.selectSubprotocol(List.of("chat"), List.of())).isNull();
    }

    @Test
    void switchingProtocolsForTheRfcSampleIsExact() {
        assertThat(Heads.text(ServerHandshake.switchingProtocols(KEY, null, null).finish())).isEqualTo(
                "HTTP/1.1 101 Switching Protocols\r\n"
                        + "Upgrade: websocket\r\n"
                        + "Connection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                        + "\r\n");
    }

    @Test
    void switchingProtocolsCarriesSubprotocolExtensionsAndExtraHeadersInOrder() {
        assertThat(Heads.text(ServerHandshake.switchingProtocols(KEY, "chat", "permessage-deflate")
                .header("Set-Cookie", "id=1").finish()))
                .isEqualTo("HTTP/1.1 101 Switching Protocols\r\n"
                        + "Upgrade: websocket\r\n"
                        + "Connection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                        + "Sec-WebSocket-Protocol: chat\r\n"
                        + "Sec-WebSocket-Extensions: permessage-deflate\r\n"
                        + "Set-Cookie: id=1\r\n"
                        + "\r\n");
    }

    @Test
    void extraHeadersCannotInjectLines() {
        assertThatThrownBy(() -> ServerHandshake.switchingProtocols(KEY, null, null).header("X", "a\r\nEvil: 1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerHandshake.switchingProtocols(KEY, null, null).header("X Y", "a"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
