package io.niows.protocol;

import static io.niows.protocol.Rfc6455Section4_2ServerHandshakeTest.ascii;
import static io.niows.protocol.TestFrames.concat;
import static io.niows.protocol.TestFrames.server;
import static io.niows.protocol.TestFrames.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 6455 §4.1 the client's side of the opening handshake, run by {@link WebSocketEngine#client}:
 * the request {@link WebSocketEngine#start()} writes, each check of the server's answer, and a
 * client engine and a server engine talking in memory from the first byte to the close.
 */
class Rfc6455Section4_1ClientHandshakeTest {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** The sample handshake of RFC 6455 §1.3, as the client asks for it. */
    private static HandshakeRequest chatRequest() {
        return HandshakeRequest.client("server.example.com", 80, "/chat", List.of("chat", "superchat"),
                List.of(new Header("Origin", "http://example.com")));
    }

    /** The accept key for {@code key}, computed here independently of the code under test. */
    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** A valid 101 for {@code request}, with {@code extraLines} (each ending in CRLF) before the empty line. */
    private static String switching(HandshakeRequest request, String extraLines) {
        return "HTTP/1.1 101 Switching Protocols\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(request.header("Sec-WebSocket-Key")) + "\r\n"
                + extraLines
                + "\r\n";
    }

    private static EngineHarness started(HandshakeRequest request) {
        EngineHarness h = EngineHarness.handshakingClient(request);
        h.engine.start();
        return h;
    }

    // ---- the request ---------------------------------------------------------------------------

    @Test
    void startWritesTheOpeningRequestWithAFreshKey() {
        HandshakeRequest request = chatRequest();
        EngineHarness h = started(request);
        String key = request.header("Sec-WebSocket-Key");
        // §4.1: "The request MUST include a header field with the name |Sec-WebSocket-Key|. The value
        // of this header field MUST be a nonce consisting of a randomly selected 16-byte value that
        // has been base64-encoded".
        assertThat(Base64.getDecoder().decode(key)).hasSize(16);
        assertThat(h.sentHead()).isEqualTo("GET /chat HTTP/1.1\r\n"
                + "Host: server.example.com\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: chat, superchat\r\n"
                + "Origin: http://example.com\r\n"
                + "\r\n");
        assertThat(h.sent).hasSize(1);
        assertThat(h.engine.state()).isEqualTo(ConnectionState.CONNECTING);
        assertThat(h.engine.request()).isSameAs(request);
        assertThat(h.engine.subprotocol()).isNull();
    }

    @Test
    void eachRequestCarriesItsOwnKey() {
        // §4.1: "The nonce MUST be selected randomly for each connection."
        assertThat(chatRequest().header("Sec-WebSocket-Key")).isNotEqualTo(chatRequest().header("Sec-WebSocket-Key"));
    }

    @Test
    void theHostHeaderNamesAPortOtherThan80AndBracketsAnIpv6Literal() {
        assertThat(HandshakeRequest.client("::1", 8080, "", List.of(), List.of()).header("Host")).isEqualTo("[::1]:8080");
        assertThat(HandshakeRequest.client("::1", 8080, "", List.of(), List.of()).target()).isEqualTo("/");
    }

    @Test
    void startTwiceThrowsAndTheRequestIsWrittenOnce() {
        EngineHarness h = started(chatRequest());
        assertThatThrownBy(h.engine::start).isInstanceOf(IllegalStateException.class);
        assertThat(h.sent).hasSize(1);
    }

    @Test
    void startIsOnlyForAConnectingClientEngine() {
        EngineHarness serverEngine = EngineHarness.handshakingServer(EngineConfig.server(),
                ScriptedResponder.acceptingFirstOffered());
        assertThatThrownBy(serverEngine.engine::start).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(EngineHarness.client().engine::start).as("an engine made open")
                .isInstanceOf(IllegalStateException.class);
        EngineHarness failed = started(chatRequest()).receive(ascii("HTTP/1.1 404 Not Found\r\n\r\n"));
        assertThatThrownBy(failed.engine::start).isInstanceOf(IllegalStateException.class);
        assertThat(serverEngine.sent).isEmpty();
    }

    @Test
    void aClientEngineNeedsAClientsConfigurationAndARequestToSend() {
        EngineListener listener = new RecordingListener();
        assertThatThrownBy(() -> WebSocketEngine.client(EngineConfig.server(), chatRequest(), listener, f -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        EngineHarness server = EngineHarness.handshakingServer(EngineConfig.server(), ScriptedResponder.acceptingFirstOffered())
                .receive(ascii(Rfc6455Section4_2ServerHandshakeTest.SAMPLE_REQUEST));
        HandshakeRequest received = server.engine.request();
        assertThatThrownBy(() -> WebSocketEngine.client(EngineConfig.client(), received, listener, f -> { }))
                .as("a request received is not one to send").isInstanceOf(IllegalArgumentException.class);
    }

    // ---- a client and a server engine, in memory ------------------------------------------------

    @Test
    void aClientAndAServerEngineOpenTalkAndCloseWithNoSocket() {
        EnginePair pair = new EnginePair(chatRequest(), ScriptedResponder.acceptingFirstOffered()).connect();
        for (EngineHarness side : List.of(pair.client, pair.server)) {
            assertThat(side.engine.state()).isEqualTo(ConnectionState.OPEN);
            assertThat(side.engine.subprotocol()).isEqualTo("chat");
            assertThat(side.events()).containsExactly("open");
        }
        assertThat(pair.server.engine.request().header("Origin")).isEqualTo("http://example.com");
        assertThat(pair.server.engine.request().header("Sec-WebSocket-Key"))
                .isEqualTo(pair.client.engine.request().header("Sec-WebSocket-Key"));

        pair.client.engine.sendText("hello, server");
        pair.server.engine.sendText("hello, client");
        pair.client.engine.sendFragment(false, ByteBuffer.wrap(new byte[] {1, 2}), false);
        pair.client.engine.sendFragment(false, ByteBuffer.wrap(new byte[] {3}), true);
        pair.server.engine.sendPing(ByteBuffer.wrap(utf8("?")));
        pair.pump();
        assertThat(pair.server.events()).containsExactly("open", "text:hello, server", "binary:010203", "pong:3f");
        assertThat(pair.client.events()).containsExactly("open", "text:hello, client", "ping:3f");
        assertThat(pair.client.sentFrames()).as("a client masks every frame (§5.3)")
                .allSatisfy(f -> assertThat(f).endsWith("+masked"));
        assertThat(pair.server.sentFrames()).noneSatisfy(f -> assertThat(f).contains("+masked"));

        pair.client.engine.close(1000, "bye");
        pair.pump();
        assertThat(pair.server.events()).endsWith("close:1000:bye");
        assertThat(pair.client.events()).endsWith("close:1000");
        assertThat(pair.server.engine.closedByPeer()).isTrue();
        assertThat(pair.client.engine.closedByPeer()).isFalse();
        // §7.1.1: the server "MUST close the underlying TCP connection immediately"; the client
        // "SHOULD wait for the server to close the connection".
        assertThat(pair.server.engine.transportShouldClose()).isTrue();
        assertThat(pair.client.engine.transportShouldClose()).isFalse();
        assertThat(pair.server.engine.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(pair.client.engine.state()).isEqualTo(ConnectionState.CLOSED);
    }

    @Test
    void whenTheServerClosesFirstTheClientEchoesAndTheServerClosesTcp() {
        EnginePair pair = new EnginePair(chatRequest(), ScriptedResponder.acceptingFirstOffered()).connect();
        pair.server.engine.close(1001, "restart");
        assertThat(pair.server.engine.state()).isEqualTo(ConnectionState.CLOSING);
        pair.pump();
        assertThat(pair.client.events()).containsExactly("open", "close:1001:restart");
        assertThat(pair.client.sentFrames()).containsExactly("close:1001+masked");
        assertThat(pair.server.events()).containsExactly("open", "close:1001");
        assertThat(pair.client.engine.closedByPeer()).isTrue();
        assertThat(pair.server.engine.transportShouldClose()).isTrue();
        pair.client.engine.transportClosed();
        assertThat(pair.client.engine.closeCode()).isEqualTo(1001);
        assertThat(pair.client.engine.closeReason()).isEqualTo("restart");
    }

    @Test
    void aServerThatRefusesIsReportedToTheClientWithItsStatusAndReason() {
        EnginePair pair = new EnginePair(chatRequest(),
                ScriptedResponder.upgrades(r -> HandshakeAnswer.refuse(403, "origin not allowed"))).connect();
        WebSocketHandshakeException failure = pair.client.listener.handshakeFailures().get(0);
        assertThat(failure.status()).isEqualTo(403);
        assertThat(new String(failure.body(), StandardCharsets.UTF_8)).isEqualTo("origin not allowed\n");
        assertThat(pair.client.engine.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(pair.server.engine.state()).isEqualTo(ConnectionState.CLOSED);
    }

    // ---- the checks of the answer -------------------------------------------------------------------

    /** A server's answer the client must fail on. */
    record BadAnswer(String name, UnaryOperator<String> answerFor101, int status, String message) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadAnswer> badAnswers() {
        return Stream.of(
                // §4.1: "If the status code received from the server is not 101, the client handles
                // the response per HTTP [RFC2616] procedures."
                new BadAnswer("403", ok -> "HTTP/1.1 403 Forbidden\r\nContent-Length: 8\r\n\r\ngo away\n",
                        403, "server answered 403 Forbidden instead of 101 Switching Protocols"),
                new BadAnswer("200", ok -> "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
                        200, "server answered 200 OK instead of 101 Switching Protocols"),
                new BadAnswer("a redirect", ok -> "HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\n\r\n",
                        302, "server answered 302 Found instead of 101 Switching Protocols"),
                // "If the response lacks an |Upgrade| header field or the |Upgrade| header field
                // contains a value that is not an ASCII case-insensitive match for the value
                // "websocket", the client MUST _Fail the WebSocket Connection_."
                new BadAnswer("no Upgrade", ok -> ok.replace("Upgrade: websocket\r\n", ""),
                        -1, "Upgrade header is not websocket"),
                new BadAnswer("Upgrade: h2c", ok -> ok.replace("Upgrade: websocket", "Upgrade: h2c"),
                        -1, "Upgrade header is not websocket"),
                // "If the response lacks a |Connection| header field or the |Connection| header field
                // doesn't contain a token that is an ASCII case-insensitive match for the value
                // "Upgrade", the client MUST _Fail the WebSocket Connection_."
                new BadAnswer("no Connection", ok -> ok.replace("Connection: Upgrade\r\n", ""),
                        -1, "Connection header does not include Upgrade"),
                new BadAnswer("Connection: keep-alive", ok -> ok.replace("Connection: Upgrade", "Connection: keep-alive"),
                        -1, "Connection header does not include Upgrade"),
                // "If the response lacks a |Sec-WebSocket-Accept| header field or the
                // |Sec-WebSocket-Accept| contains a value other than the base64-encoded SHA-1 of the
                // concatenation of the |Sec-WebSocket-Key| ... with the string
                // "258EAFA5-E914-47DA-95CA-C5AB0DC85B11" ..., the client MUST _Fail the WebSocket
                // Connection_."
                new BadAnswer("no Accept", ok -> ok.replaceFirst("Sec-WebSocket-Accept: [^\r]*\r\n", ""),
                        -1, "Sec-WebSocket-Accept does not match the key sent"),
                new BadAnswer("the Accept of another key", ok -> ok.replaceFirst("Sec-WebSocket-Accept: [^\r]*",
                        "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo="),
                        -1, "Sec-WebSocket-Accept does not match the key sent"),
                new BadAnswer("two Accept lines", ok -> ok.replaceFirst("(Sec-WebSocket-Accept: [^\r]*\r\n)", "$1$1"),
                        -1, "Sec-WebSocket-Accept does not match the key sent"),
                // "If the response includes a |Sec-WebSocket-Extensions| header field and this header
                // field indicates the use of an extension that was not present in the client's
                // handshake ..., the client MUST _Fail the WebSocket Connection_."
                new BadAnswer("an extension not offered", ok -> ok.replace("\r\n\r\n",
                        "\r\nSec-WebSocket-Extensions: permessage-deflate\r\n\r\n"),
                        -1, "server chose an extension that was not offered"),
                // "If the response includes a |Sec-WebSocket-Protocol| header field and this header
                // field indicates the use of a subprotocol that was not present in the client's
                // handshake ..., the client MUST _Fail the WebSocket Connection_."
                new BadAnswer("a subprotocol not offered", ok -> ok.replace("\r\n\r\n", "\r\nSec-WebSocket-Protocol: mqtt\r\n\r\n"),
                        -1, "server chose subprotocol mqtt that was not offered"),
                new BadAnswer("two subprotocols", ok -> ok.replace("\r\n\r\n",
                        "\r\nSec-WebSocket-Protocol: chat, superchat\r\n\r\n"),
                        -1, "server chose more than one subprotocol"),
                new BadAnswer("HTTP/1.0", ok -> ok.replace("HTTP/1.1 101", "HTTP/1.0 101"),
                        -1, "malformed handshake response: response must be HTTP/1.1 or later, not HTTP/1.0"),
                new BadAnswer("no status code", ok -> "HTTP/1.1 OK\r\n\r\n",
                        -1, "malformed handshake response: status line has no three-digit status code"),
                new BadAnswer("a head over 16 KiB", ok -> ok.replace("\r\n\r\n", "\r\nX-Filler: "
                        + "a".repeat(EngineConfig.DEFAULT_MAX_HANDSHAKE_SIZE) + "\r\n\r\n"),
                        -1, "malformed handshake response: response head larger than 16384 bytes"));
    }

    /** The client failed with {@code status} and {@code message}, opened nothing and ignores what follows. */
    private static WebSocketHandshakeException assertFailedAndDeaf(EngineHarness h, int status, String message) {
        assertThat(h.listener.handshakeFailures()).hasSize(1);
        WebSocketHandshakeException failure = h.listener.handshakeFailures().get(0);
        assertThat(failure.status()).isEqualTo(status);
        assertThat(failure.getMessage()).isEqualTo(message);
        assertThat(h.engine.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(h.engine.transportShouldClose()).isTrue();
        assertThat(h.engine.subprotocol()).isNull();
        h.receive(server(0x1, true, utf8("late")));
        assertThat(h.events()).as("no onOpen, no message").isEmpty();
        assertThat(h.sent).as("the request alone").hasSize(1);
        return failure;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAnswers")
    void anAnswerThatIsNotAValid101FailsTheHandshake(BadAnswer bad) {
        HandshakeRequest request = chatRequest();
        EngineHarness h = started(request);
        h.receive(concat(ascii(bad.answerFor101().apply(switching(request, ""))), server(0x1, true, utf8("Hi"))));
        assertFailedAndDeaf(h, bad.status(), bad.message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAnswers")
    void anAnswerThatIsNotAValid101FedByteByByteFailsTheSameWay(BadAnswer bad) {
        HandshakeRequest request = chatRequest();
        EngineHarness h = started(request);
        h.receiveByteByByte(ascii(bad.answerFor101().apply(switching(request, ""))));
        assertFailedAndDeaf(h, bad.status(), bad.message());
    }

    @Test
    void aRefusalKeepsItsHeadersAndTheBodyThatCameWithIt() {
        EngineHarness h = started(chatRequest());
        h.receive(ascii("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nContent-Length: 5\r\n\r\nbusy\n"));
        WebSocketHandshakeException failure = assertFailedAndDeaf(h, 503,
                "server answered 503 Service Unavailable instead of 101 Switching Protocols");
        assertThat(failure.headers()).containsEntry("Retry-After", List.of("5"));
        assertThat(new String(failure.body(), StandardCharsets.US_ASCII)).isEqualTo("busy\n");
    }

    @Test
    void aRefusalKeepsAtMost4KiBOfItsBody() {
        byte[] body = new byte[5000];
        Arrays.fill(body, (byte) 'x');
        body[4095] = 'y';
        EngineHarness h = started(chatRequest());
        h.receive(concat(ascii("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 5000\r\n\r\n"), body));
        WebSocketHandshakeException failure = assertFailedAndDeaf(h, 500,
                "server answered 500 Internal Server Error instead of 101 Switching Protocols");
        assertThat(failure.body()).isEqualTo(Arrays.copyOf(body, 4096));
    }

    // ---- a valid 101 ---------------------------------------------------------------------------------

    @Test
    void aValid101OpensAndFramesThatCameWithItAreDecodedAfterOnOpen() {
        HandshakeRequest request = chatRequest();
        byte[] both = concat(ascii(switching(request, "Sec-WebSocket-Protocol: superchat\r\n")),
                server(0x1, true, utf8("Hi")), server(0x9, true, utf8("p")));
        for (int cut = 0; cut <= both.length; cut++) {
            EngineHarness h = started(request);
            h.receive(Arrays.copyOfRange(both, 0, cut), Arrays.copyOfRange(both, cut, both.length));
            assertThat(h.events()).as("cut at %d", cut).containsExactly("open", "text:Hi", "ping:70");
            assertThat(h.sentFrames()).as("cut at %d", cut).containsExactly("pong:70+masked");
            assertThat(h.engine.state()).isEqualTo(ConnectionState.OPEN);
            assertThat(h.engine.subprotocol()).isEqualTo("superchat");
            assertThat(h.listener.handshakeFailures()).isEmpty();
        }
    }

    @Test
    void aValid101FedByteByByteOpensOnItsLastByte() {
        HandshakeRequest request = chatRequest();
        EngineHarness h = started(request);
        byte[] answer = ascii(switching(request, ""));
        h.receiveByteByByte(Arrays.copyOf(answer, answer.length - 1));
        assertThat(h.engine.state()).isEqualTo(ConnectionState.CONNECTING);
        h.receive(new byte[] {answer[answer.length - 1]});
        assertThat(h.engine.state()).isEqualTo(ConnectionState.OPEN);
        assertThat(h.engine.subprotocol()).as("the server chose none").isNull();
        assertThat(h.events()).containsExactly("open");
    }

    @Test
    void nothingIsSentBeforeTheRequestNorBeforeThe101() {
        // §4.1: "Once the client's opening handshake has been sent, the client MUST wait for a
        // response from the server before sending any further data."
        HandshakeRequest request = chatRequest();
        EngineHarness h = EngineHarness.handshakingClient(request);
        assertThat(h.engine.sendText("before the request")).isEqualTo(SendResult.REFUSED_CLOSED);
        h.engine.start();
        assertThat(h.engine.sendText("before the answer")).isEqualTo(SendResult.REFUSED_CLOSED);
        assertThat(h.engine.sendPing(ByteBuffer.allocate(0))).isEqualTo(SendResult.REFUSED_CLOSED);
        assertThat(h.engine.outbound().isOpen()).isFalse();
        assertThat(h.sent).as("the request alone").hasSize(1);
        h.receive(ascii(switching(request, "")));
        assertThat(h.engine.sendText("now")).isEqualTo(SendResult.QUEUED);
        assertThat(h.sentFrames()).containsExactly("text:now+masked");
    }

    @Test
    void theAnswersHeaderNamesAndTokensAreMatchedWithoutRegardToCase() {
        HandshakeRequest request = chatRequest();
        String answer = switching(request, "")
                .replace("Upgrade: websocket", "upgrade: WebSocket")
                .replace("Connection: Upgrade", "CONNECTION: keep-alive, UPGRADE")
                .replace("Sec-WebSocket-Accept", "sec-websocket-accept");
        EngineHarness h = started(request).receive(ascii(answer));
        assertThat(h.engine.state()).isEqualTo(ConnectionState.OPEN);
    }

    @Test
    void theTransportClosingBeforeTheAnswerEndsTheHandshake() {
        HandshakeRequest request = chatRequest();
        EngineHarness h = started(request);
        h.engine.transportClosed();
        assertThat(h.engine.state()).isEqualTo(ConnectionState.CLOSED);
        h.receive(ascii(switching(request, "")));
        assertThat(h.events()).isEmpty();
        assertThat(h.engine.state()).isEqualTo(ConnectionState.CLOSED);
    }
}
