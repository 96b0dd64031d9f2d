package io.niows.internal.handshake;

import static io.niows.internal.handshake.Heads.parseResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** RFC 6455 §4.1: the client's request and its checks of the answer. */
class ClientHandshakeTest {

    private static ClientHandshake client(List<String> subprotocols) {
        return new ClientHandshake("server.example.com", 80, "/chat", subprotocols, Map.of(), new Random(6455));
    }

    private static String answer(ClientHandshake client, String... extraLines) {
        StringBuilder head = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\n");
        for (String line : extraLines) {
            head.append(line).append("\r\n");
        }
        return head.append("\r\n").toString().replace("{accept}", AcceptKey.of(client.key()));
    }

    private static final String[] GOOD = {"Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Accept: {accept}"};

    @Test
    void keyIsSixteenBytesFromTheKeySourceInBase64() {
        byte[] expected = new byte[16];
        new Random(6455).nextBytes(expected);
        ClientHandshake client = client(List.of());
        assertThat(Base64.getDecoder().decode(client.key())).containsExactly(expected);
        assertThat(AcceptKey.isValidKey(client.key())).isTrue();
    }

    @Test
    void eachHandshakeDrawsAFreshKey() {
        Random source = new Random(1);
        ClientHandshake first = new ClientHandshake("h", 80, "/", List.of(), Map.of(), source);
        ClientHandshake second = new ClientHandshake("h", 80, "/", List.of(), Map.of(), source);
        assertThat(first.key()).isNotEqualTo(second.key());
    }

    @Test
    void requestBytesAreTheRfcShapeWithTheKey() {
        ClientHandshake client = new ClientHandshake("server.example.com", 80, "/chat", List.of("chat", "superchat"),
                Map.of("Origin", "http://example.com"), new Random(6455));
        assertThat(Heads.text(client.request())).isEqualTo("GET /chat HTTP/1.1\r\n"
                + "Host: server.example.com\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + client.key() + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: chat, superchat\r\n"
                + "Origin: http://example.com\r\n"
                + "\r\n");
    }

    @Test
    void requestPassesTheServersChecks() throws HttpError {
        ClientHandshake client = client(List.of("chat"));
        HttpRequest request = new HttpRequestParser(HandshakeLimits.defaults()).parse(client.request());
        assertThat(ServerHandshake.validate(request)).isEqualTo(client.key());
        assertThat(ServerHandshake.offeredSubprotocols(request)).containsExactly("chat");
    }

    @Test
    void hostHeaderNamesThePortUnless80AndBracketsIpv6() {
        assertThat(hostOf("example.com", 80)).isEqualTo("example.com");
        assertThat(hostOf("example.com", 8080)).isEqualTo("example.com:8080");
        assertThat(hostOf("::1", 8080)).isEqualTo("[::1]:8080");
        assertThat(hostOf("[::1]", 80)).isEqualTo("[::1]");
        assertThat(hostOf("127.0.0.1", 9001)).isEqualTo("127.0.0.1:9001");
    }

    @Test
    void emptyPathIsSlashAndQueryIsKept() {
        assertThat(Heads.text(new ClientHandshake("h", 80, "", List.of(), Map.of(), new Random(1)).request()))
                .startsWith("GET / HTTP/1.1\r\n");
        assertThat(Heads.text(new ClientHandshake("h", 80, "/a?b=c", List.of(), Map.of(), new Random(1)).request()))
                .startsWith("GET /a?b=c HTTP/1.1\r\n");
    }

    @Test
    void argumentsThatCannotBeSentAreRefused() {
        Random random = new Random(1);
        assertThatThrownBy(() -> new ClientHandshake("h", 80, "chat", List.of(), Map.of(), random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientHandshake("h", 80, "/a b", List.of(), Map.of(), random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientHandshake("h", 0, "/", List.of(), Map.of(), random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientHandshake("a b", 80, "/", List.of(), Map.of(), random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientHandshake("h\r\nX: 1", 80, "/", List.of(), Map.of(), random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientHandshake("h", 80, "/", List.of("a", "a"), Map.of(), random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientHandshake("h", 80, "/", List.of("a b"), Map.of(), random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientHandshake("h", 80, "/", List.of(),
                Map.of("sec-websocket-key", "x"), random))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answerFromTheServerSideIsAcceptedAndNamesTheSubprotocol() throws Exception {
        ClientHandshake client = client(List.of("chat", "superchat"));
        ByteBuffer bytes = ServerHandshake.switchingProtocols(client.key(), "superchat", null).finish();
        HttpResponseHead head = new HttpResponseParser(HandshakeLimits.defaults()).parse(bytes);
        assertThat(client.verify(head)).isEqualTo("superchat");
    }

    @Test
    void answerWithoutSubprotocolReturnsNull() throws Exception {
        ClientHandshake client = client(List.of("chat"));
        assertThat(client.verify(parseResponse(answer(client, GOOD)))).isNull();
    }

    @Test
    void headerCaseAndTokenListsAreTolerated() throws Exception {
        ClientHandshake client = client(List.of());
        assertThat(client.verify(parseResponse(answer(client, "upgrade: WebSocket",
                "connection: keep-alive, upgrade", "sec-websocket-accept: {accept}")))).isNull();
    }

    @Test
    void statusOtherThan101FailsWithThatStatus() throws HttpError {
        ClientHandshake client = client(List.of());
        HttpResponseHead notFound = parseResponse("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
        assertThatThrownBy(() -> client.verify(notFound)).isInstanceOfSatisfying(HandshakeFailure.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.getMessage()).isEqualTo("server answered 404 Not Found instead of 101 Switching Protocols");
        });
    }

    @Test
    void missingOrWrongUpgradeFails() throws HttpError {
        ClientHandshake client = client(List.of());
        String failure = "Upgrade header is not websocket";
        assertFailure(client, answer(client, "Connection: Upgrade", "Sec-WebSocket-Accept: {accept}"), failure);
        assertFailure(client, answer(client, "Upgrade: h2c", "Connection: Upgrade", "Sec-WebSocket-Accept: {accept}"),
                failure);
        assertFailure(client, answer(client, "Upgrade: websocket, h2c", "Connection: Upgrade",
                "Sec-WebSocket-Accept: {accept}"), failure);
    }

    @Test
    void missingOrWrongConnectionFails() throws HttpError {
        ClientHandshake client = client(List.of());
        String failure = "Connection header does not include Upgrade";
        assertFailure(client, answer(client, "Upgrade: websocket", "Sec-WebSocket-Accept: {accept}"), failure);
        assertFailure(client, answer(client, "Upgrade: websocket", "Connection: close",
                "Sec-WebSocket-Accept: {accept}"), failure);
    }

    @Test
    void missingOrWrongAcceptFails() throws HttpError {
        ClientHandshake client = client(List.of());
        String failure = "Sec-WebSocket-Accept does not match the key sent";
        assertFailure(client, answer(client, "Upgrade: websocket", "Connection: Upgrade"), failure);
        assertFailure(client, answer(client, "Upgrade: websocket", "Connection: Upgrade",
                "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo="), failure);
        assertFailure(client, answer(client, "Upgrade: websocket", "Connection: Upgrade",
                "Sec-WebSocket-Accept: {accept}", "Sec-WebSocket-Accept: {accept}"), failure);
    }

    @Test
    void subprotocolThatWasNotOfferedFails() throws HttpError {
        ClientHandshake offersChat = client(List.of("chat"));
        assertFailure(offersChat, answer(offersChat, withGood("Sec-WebSocket-Protocol: mqtt")),
                "server chose subprotocol mqtt that was not offered");
        ClientHandshake offersNone = client(List.of());
        assertFailure(offersNone, answer(offersNone, withGood("Sec-WebSocket-Protocol: chat")),
                "server chose subprotocol chat that was not offered");
        assertFailure(offersChat, answer(offersChat, withGood("Sec-WebSocket-Protocol: chat, chat")),
                "server chose more than one subprotocol");
    }

    @Test
    void extensionThatWasNotOfferedFails() throws HttpError {
        ClientHandshake client = client(List.of());
        assertFailure(client, answer(client, withGood("Sec-WebSocket-Extensions: permessage-deflate")),
                "server chose an extension that was not offered");
    }

    private static String[] withGood(String line) {
        return new String[] {GOOD[0], GOOD[1], GOOD[2], line};
    }

    private static void assertFailure(ClientHandshake client, String response, String message) throws HttpError {
        HttpResponseHead head = parseResponse(response);
        ThrowingCallable verify = () -> client.verify(head);
        assertThatThrownBy(verify).isInstanceOfSatisfying(HandshakeFailure.class, e -> {
            assertThat(e.status()).isEqualTo(-1);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    private static String hostOf(String host, int port) {
        String request = Heads.text(new ClientHandshake(host, port, "/", List.of(), Map.of(), new Random(1)).request());
        int start = request.indexOf("Host: ") + "Host: ".length();
        return request.substring(start, request.indexOf("\r\n", start));
    }
}
