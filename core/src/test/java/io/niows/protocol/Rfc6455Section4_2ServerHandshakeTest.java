package io.niows.protocol;

import static io.niows.protocol.TestFrames.client;
import static io.niows.protocol.TestFrames.concat;
import static io.niows.protocol.TestFrames.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 6455 §4.2 the server's side of the opening handshake, run by {@link WebSocketEngine#server}:
 * reading the request in any split and within its limits, the refusals the engine answers itself,
 * what the {@link HandshakeResponder} decides, and plain HTTP.
 */
class Rfc6455Section4_2ServerHandshakeTest {

    /** The client's handshake of RFC 6455 §1.3. */
    static final String SAMPLE_REQUEST = "GET /chat HTTP/1.1\r\n"
            + "Host: server.example.com\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Origin: http://example.com\r\n"
            + "Sec-WebSocket-Protocol: chat, superchat\r\n"
            + "Sec-WebSocket-Version: 13\r\n"
            + "\r\n";

    /** The server's handshake of RFC 6455 §1.3, with its accept key for the sample nonce. */
    static final String SAMPLE_RESPONSE = "HTTP/1.1 101 Switching Protocols\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
            + "Sec-WebSocket-Protocol: chat\r\n"
            + "\r\n";

    private static final int SMALL_LIMIT = 256;

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The sample request with one line replaced; an empty {@code to} removes it. */
    private static String sampleWith(String line, String to) {
        String edited = SAMPLE_REQUEST.replace(line + "\r\n", to.isEmpty() ? "" : to + "\r\n");
        assertThat(edited).as("the sample has the line " + line).isNotEqualTo(SAMPLE_REQUEST);
        return edited;
    }

    /** The response the engine writes for a refusal: a plain-text one-line reason, then close. */
    private static String refusal(String statusLine, String reason, String extraHeader) {
        String body = reason + "\n";
        return "HTTP/1.1 " + statusLine + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                + "Connection: close\r\n"
                + (extraHeader.isEmpty() ? "" : extraHeader + "\r\n")
                + "\r\n"
                + body;
    }

    private static EngineHarness server(HandshakeResponder responder) {
        return EngineHarness.handshakingServer(EngineConfig.server(), responder);
    }

    /** The engine opened with the sample's answer, and the request and subprotocol say so. */
    private static void assertOpenedWithTheSample(EngineHarness h) {
        assertThat(h.sentHead()).isEqualTo(SAMPLE_RESPONSE);
        assertThat(h.sent).as("the 101 alone").hasSize(1);
        assertThat(h.engine.state()).isEqualTo(ConnectionState.OPEN);
        assertThat(h.engine.subprotocol()).isEqualTo("chat");
        HandshakeRequest request = h.engine.request();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/chat");
        assertThat(request.header("origin")).isEqualTo("http://example.com");
        assertThat(request.subprotocols()).containsExactly("chat", "superchat");
        assertThat(h.listener.handshakeFailures()).isEmpty();
        assertThat(h.engine.transportShouldClose()).isFalse();
    }

    /** The engine refused, reported it with {@code status} and ignores whatever follows. */
    private static void assertRefusedAndDeaf(EngineHarness h, int status, String reason) {
        assertThat(h.listener.handshakeFailures()).hasSize(1);
        WebSocketHandshakeException failure = h.listener.handshakeFailures().get(0);
        assertThat(failure.status()).isEqualTo(status);
        if (reason != null) {
            assertThat(failure.getMessage()).isEqualTo(reason);
        }
        assertThat(h.engine.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(h.engine.transportShouldClose()).isTrue();
        assertThat(h.engine.subprotocol()).isNull();
        h.receive(ascii(SAMPLE_REQUEST), client(0x1, true, utf8("late")));
        assertThat(h.sent).as("the answer alone").hasSize(1);
        assertThat(h.events()).isEmpty();
        assertThat(h.listener.handshakeFailures()).hasSize(1);
    }

    // ---- the sample of §1.3, in any split ---------------------------------------------------

    @Test
    void theSampleRequestFedWholeGetsTheSample101AndOpens() {
        ScriptedResponder responder = ScriptedResponder.acceptingFirstOffered();
        EngineHarness h = server(responder).receive(ascii(SAMPLE_REQUEST));
        assertOpenedWithTheSample(h);
        assertThat(h.events()).containsExactly("open");
        assertThat(responder.asked).containsExactly("upgrade GET /chat");
    }

    @Test
    void aDroppedRequestIsNoLongerKeptAndTheConnectionStaysOpen() {
        EngineHarness h = server(ScriptedResponder.acceptingFirstOffered()).receive(ascii(SAMPLE_REQUEST));
        assertThat(h.engine.request()).isNotNull();
        h.engine.dropRequest();
        assertThat(h.engine.request()).isNull();
        assertThat(h.engine.state()).isEqualTo(ConnectionState.OPEN);
        assertThat(h.engine.subprotocol()).as("what the handshake agreed stays").isEqualTo("chat");
    }

    @Test
    void theSampleRequestFedByteByByteGetsTheSample101AndOpensOnItsLastByte() {
        EngineHarness h = server(ScriptedResponder.acceptingFirstOffered());
        byte[] request = ascii(SAMPLE_REQUEST);
        h.receiveByteByByte(Arrays.copyOf(request, request.length - 1));
        assertThat(h.sent).as("nothing before the head is complete").isEmpty();
        assertThat(h.engine.state()).isEqualTo(ConnectionState.CONNECTING);
        assertThat(h.engine.request()).isNull();
        h.receive(new byte[] {request[request.length - 1]});
        assertOpenedWithTheSample(h);
        assertThat(h.events()).containsExactly("open");
    }

    @Test
    void theSampleRequestInEveryTwoWaySplitGetsTheSample101AndOpens() {
        byte[] request = ascii(SAMPLE_REQUEST);
        for (int cut = 0; cut <= request.length; cut++) {
            EngineHarness h = server(ScriptedResponder.acceptingFirstOffered())
                    .receive(Arrays.copyOfRange(request, 0, cut), Arrays.copyOfRange(request, cut, request.length));
            assertOpenedWithTheSample(h);
            assertThat(h.events()).as("cut at %d", cut).containsExactly("open");
        }
    }

    @Test
    void aFrameInTheSameBufferAsTheHeadIsDecodedAfterOnOpen() {
        EngineHarness h = server(ScriptedResponder.acceptingFirstOffered())
                .receive(concat(ascii(SAMPLE_REQUEST), client(0x1, true, utf8("Hello")), client(0x9, true, utf8("p"))));
        assertThat(h.events()).containsExactly("open", "text:Hello", "ping:70");
        assertThat(h.sentHead()).isEqualTo(SAMPLE_RESPONSE);
        assertThat(h.sentFrames()).as("the pong follows the 101").containsExactly("pong:70");
    }

    @Test
    void anOpenConnectionThatHasReceivedNoFrameCanStillBeFailed() {
        EngineHarness h = server(ScriptedResponder.acceptingFirstOffered()).receive(ascii(SAMPLE_REQUEST));
        h.engine.fail(1008, "policy");
        assertThat(h.sentFrames()).containsExactly("close:1008:policy");
        assertThat(h.engine.transportShouldClose()).isTrue();
        assertThat(h.engine.framesReceived()).isZero();
        assertThat(h.engine.heldBytes()).isZero();
    }

    @Test
    void inputPausedBeforeTheFirstFrameHoldsThatFrameUntilResumed() {
        EngineHarness h = server(ScriptedResponder.acceptingFirstOffered()).receive(ascii(SAMPLE_REQUEST));
        h.engine.pauseInput();
        ByteBuffer in = ByteBuffer.wrap(client(0x1, true, utf8("Hello")));
        h.engine.receive(in);
        assertThat(h.events()).as("nothing while paused").containsExactly("open");
        h.engine.resumeInput();
        h.engine.receive(in);
        assertThat(h.events()).containsExactly("open", "text:Hello");
        assertThat(h.engine.framesReceived()).isEqualTo(1);
    }

    @Test
    void theHeadAndAFrameCutAnywhereGiveThe101ThenTheMessage() {
        byte[] both = concat(ascii(SAMPLE_REQUEST), client(0x1, true, utf8("Hello")));
        for (int cut = 0; cut <= both.length; cut++) {
            EngineHarness h = server(ScriptedResponder.acceptingFirstOffered())
                    .receive(Arrays.copyOfRange(both, 0, cut), Arrays.copyOfRange(both, cut, both.length));
            assertThat(h.sentHead()).as("cut at %d", cut).isEqualTo(SAMPLE_RESPONSE);
            assertThat(h.events()).as("cut at %d", cut).containsExactly("open", "text:Hello");
        }
    }

    @Test
    void emptyLinesBeforeTheRequestLineAreIgnored() {
        // RFC 7230 §3.5: a server "SHOULD ignore at least one empty line (CRLF) received prior to
        // the request-line".
        EngineHarness h = server(ScriptedResponder.acceptingFirstOffered()).receive(ascii("\r\n" + SAMPLE_REQUEST));
        assertOpenedWithTheSample(h);
    }

    @Test
    void headerNamesAndTokensAreMatchedWithoutRegardToCase() {
        // §4.2.1: the Upgrade and Connection values are "treated as an ASCII case-insensitive value".
        String request = SAMPLE_REQUEST.replace("Upgrade: websocket", "upgrade: WebSocket")
                .replace("Connection: Upgrade", "CONNECTION: keep-alive, upgrade");
        EngineHarness h = server(ScriptedResponder.acceptingFirstOffered()).receive(ascii(request));
        assertThat(h.sentHead()).isEqualTo(SAMPLE_RESPONSE);
        assertThat(h.engine.state()).isEqualTo(ConnectionState.OPEN);
    }

    // ---- refusals the engine answers itself ---------------------------------------------------

    /** A request the engine refuses before asking the responder. */
    record Refusal(String name, int maxHandshakeSize, String request, String statusLine, String reason,
            String extraHeader) {

        int status() {
            return Integer.parseInt(statusLine.substring(0, 3));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refusal> refusals() {
        int limit = EngineConfig.DEFAULT_MAX_HANDSHAKE_SIZE;
        String key15 = Base64.getEncoder().encodeToString(new byte[15]);
        return Stream.of(
                new Refusal("missing Host", limit, sampleWith("Host: server.example.com", ""),
                        "400 Bad Request", "missing Host header", ""),
                new Refusal("two Host lines", limit, sampleWith("Host: server.example.com",
                        "Host: server.example.com\r\nHost: other.example.com"),
                        "400 Bad Request", "more than one Host header", ""),
                new Refusal("Connection without Upgrade", limit, sampleWith("Connection: Upgrade", "Connection: keep-alive"),
                        "400 Bad Request", "Connection header must include Upgrade", ""),
                new Refusal("no Connection", limit, sampleWith("Connection: Upgrade", ""),
                        "400 Bad Request", "Connection header must include Upgrade", ""),
                new Refusal("POST", limit, sampleWith("GET /chat HTTP/1.1", "POST /chat HTTP/1.1"),
                        "405 Method Not Allowed", "method must be GET", "Allow: GET"),
                new Refusal("version 8", limit, sampleWith("Sec-WebSocket-Version: 13", "Sec-WebSocket-Version: 8"),
                        "426 Upgrade Required", "Sec-WebSocket-Version must be 13", "Sec-WebSocket-Version: 13"),
                new Refusal("no version", limit, sampleWith("Sec-WebSocket-Version: 13", ""),
                        "426 Upgrade Required", "Sec-WebSocket-Version must be 13", "Sec-WebSocket-Version: 13"),
                new Refusal("two versions", limit, sampleWith("Sec-WebSocket-Version: 13",
                        "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Version: 13"),
                        "400 Bad Request", "more than one Sec-WebSocket-Version header", ""),
                new Refusal("a key of 15 bytes", limit, sampleWith("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
                        "Sec-WebSocket-Key: " + key15),
                        "400 Bad Request", "Sec-WebSocket-Key is not 16 bytes in base64", ""),
                new Refusal("a key not in base64", limit, sampleWith("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
                        "Sec-WebSocket-Key: not*base64*at*all!!!!="),
                        "400 Bad Request", "Sec-WebSocket-Key is not 16 bytes in base64", ""),
                new Refusal("no key", limit, sampleWith("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", ""),
                        "400 Bad Request", "missing Sec-WebSocket-Key header", ""),
                new Refusal("HTTP/1.0", limit, sampleWith("GET /chat HTTP/1.1", "GET /chat HTTP/1.0"),
                        "400 Bad Request", "request must be HTTP/1.1 or later, not HTTP/1.0", ""),
                new Refusal("HTTP/2.0", limit, sampleWith("GET /chat HTTP/1.1", "GET /chat HTTP/2.0"),
                        "505 HTTP Version Not Supported", "HTTP version 2.0 not supported", ""),
                new Refusal("a bare LF", limit, SAMPLE_REQUEST.replace("Upgrade\r\n", "Upgrade\n"),
                        "400 Bad Request", "bare LF in the request head: lines must end with CRLF", ""),
                new Refusal("a folded header", limit, sampleWith("Origin: http://example.com",
                        "Origin: http://example.com\r\n  http://example.org"),
                        "400 Bad Request", "obsolete line folding in the request head", ""),
                new Refusal("space before a colon", limit, sampleWith("Origin: http://example.com", "Origin : x"),
                        "400 Bad Request", "whitespace between header name and colon", ""),
                new Refusal("101 header lines", limit, sampleWith("Origin: http://example.com",
                        "X-Filler: x\r\n".repeat(100) + "Origin: http://example.com"),
                        "431 Request Header Fields Too Large", "more than 100 header lines", ""),
                new Refusal("a head over the default 16 KiB", limit, sampleWith("Origin: http://example.com",
                        "X-Filler: " + "a".repeat(limit)),
                        "431 Request Header Fields Too Large", "request head larger than 16384 bytes", ""),
                new Refusal("a head over a 256-byte limit", SMALL_LIMIT, sampleWith("Origin: http://example.com",
                        "X-Filler: " + "a".repeat(SMALL_LIMIT)),
                        "431 Request Header Fields Too Large", "request head larger than 256 bytes", ""),
                new Refusal("a request line over a 256-byte limit", SMALL_LIMIT,
                        sampleWith("GET /chat HTTP/1.1", "GET /" + "a".repeat(SMALL_LIMIT) + " HTTP/1.1"),
                        "414 URI Too Long", "request line longer than 256 bytes", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aMalformedRequestIsRefusedWithItsStatusAndReasonWithoutAskingTheResponder(Refusal r) {
        // §4.2.1: "If the server, while reading the handshake, finds that the client did not send a
        // handshake that matches the description below ..., the server MUST stop processing the
        // client's handshake and return an HTTP response with an appropriate error code (such as
        // 400 Bad Request)."
        ScriptedResponder responder = ScriptedResponder.acceptingFirstOffered();
        EngineHarness h = EngineHarness.handshakingServer(EngineConfig.server().withMaxHandshakeSize(r.maxHandshakeSize()),
                responder);
        h.receive(concat(ascii(r.request()), client(0x1, true, utf8("right behind"))));
        assertThat(h.sentHead()).isEqualTo(refusal(r.statusLine(), r.reason(), r.extraHeader()));
        assertRefusedAndDeaf(h, r.status(), r.reason());
        assertThat(responder.asked).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aMalformedRequestFedByteByByteGetsTheSameRefusal(Refusal r) {
        ScriptedResponder responder = ScriptedResponder.acceptingFirstOffered();
        EngineHarness h = EngineHarness.handshakingServer(EngineConfig.server().withMaxHandshakeSize(r.maxHandshakeSize()),
                responder);
        h.receiveByteByByte(ascii(r.request()));
        assertThat(h.sentHead()).isEqualTo(refusal(r.statusLine(), r.reason(), r.extraHeader()));
        assertRefusedAndDeaf(h, r.status(), r.reason());
        assertThat(responder.asked).isEmpty();
    }

    @Test
    void aHeadWithoutEndIsRefusedWith431AsSoonAsItPassesTheLimit() {
        EngineHarness h = EngineHarness.handshakingServer(EngineConfig.server().withMaxHandshakeSize(SMALL_LIMIT),
                ScriptedResponder.acceptingFirstOffered());
        h.receive(ascii("GET /chat HTTP/1.1\r\nX-Filler: "));
        int fed = "GET /chat HTTP/1.1\r\nX-Filler: ".length();
        while (h.sent.isEmpty()) {
            assertThat(fed).as("bytes read before the refusal").isLessThanOrEqualTo(SMALL_LIMIT);
            h.receive(ascii("a"));
            fed++;
        }
        assertThat(fed).isEqualTo(SMALL_LIMIT + 1);
        assertThat(h.sentHead()).startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n");
        assertRefusedAndDeaf(h, 431, "request head larger than 256 bytes");
    }

    @Test
    void aRequestAsLargeAsTheLimitIsAccepted() {
        String padding = "X-Filler: ";
        int room = SMALL_LIMIT * 2 - SAMPLE_REQUEST.length() - padding.length() - 2;
        String request = sampleWith("Origin: http://example.com", padding + "a".repeat(room) + "\r\nOrigin: http://example.com");
        assertThat(request).hasSize(SMALL_LIMIT * 2);
        EngineHarness h = EngineHarness.handshakingServer(EngineConfig.server().withMaxHandshakeSize(SMALL_LIMIT * 2),
                ScriptedResponder.acceptingFirstOffered());
        h.receive(ascii(request));
        assertOpenedWithTheSample(h);
    }

    // ---- what the responder decides --------------------------------------------------------------

    @Test
    void theResponderSeesTheRequestAndItsAcceptanceMayCarryHeaders() {
        ScriptedResponder responder = ScriptedResponder.upgrades(r -> {
            assertThat(r.target()).isEqualTo("/chat");
            assertThat(r.headers("Sec-WebSocket-Protocol")).containsExactly("chat, superchat");
            return HandshakeAnswer.accept("superchat").withHeader("Set-Cookie", "id=1");
        });
        EngineHarness h = server(responder).receive(ascii(SAMPLE_REQUEST));
        assertThat(h.sentHead()).isEqualTo(SAMPLE_RESPONSE.replace("Protocol: chat\r\n",
                "Protocol: superchat\r\nSet-Cookie: id=1\r\n"));
        assertThat(h.engine.subprotocol()).isEqualTo("superchat");
        assertThat(h.events()).containsExactly("open");
    }

    @Test
    void anAcceptanceWithoutSubprotocolSendsNoneAndAgreesOnNone() {
        EngineHarness h = server(ScriptedResponder.upgrades(r -> HandshakeAnswer.accept(null)))
                .receive(ascii(SAMPLE_REQUEST));
        assertThat(h.sentHead()).isEqualTo(SAMPLE_RESPONSE.replace("Sec-WebSocket-Protocol: chat\r\n", ""));
        assertThat(h.engine.subprotocol()).isNull();
        assertThat(h.engine.state()).isEqualTo(ConnectionState.OPEN);
    }

    @Test
    void theRespondersRefusalIsWrittenWithItsHeaders() {
        ScriptedResponder responder = ScriptedResponder.upgrades(
                r -> HandshakeAnswer.refuse(403, "origin not allowed").withHeader("Vary", "Origin"));
        EngineHarness h = server(responder).receive(ascii(SAMPLE_REQUEST));
        assertThat(h.sentHead()).isEqualTo(refusal("403 Forbidden", "origin not allowed", "Vary: Origin"));
        assertThat(h.engine.request().header("Origin")).as("the refused request is kept").isEqualTo("http://example.com");
        assertRefusedAndDeaf(h, 403, "origin not allowed");
        assertThat(responder.asked).containsExactly("upgrade GET /chat");
    }

    @ParameterizedTest
    @ValueSource(strings = {"superchat2", "CHAT"})
    void anAcceptedSubprotocolTheClientDidNotOfferIsAnswered500(String chosen) {
        // §4.2.2 item 5.4: the subprotocol "MUST be derived from the client's handshake,
        // specifically by selecting one of the values from the |Sec-WebSocket-Protocol| field".
        EngineHarness h = server(ScriptedResponder.upgrades(r -> HandshakeAnswer.accept(chosen)))
                .receive(ascii(SAMPLE_REQUEST));
        assertThat(h.sentHead()).isEqualTo(refusal("500 Internal Server Error",
                "the server chose a subprotocol the client did not offer", ""));
        assertRefusedAndDeaf(h, 500, null);
    }

    @Test
    void anAcceptedSubprotocolWhenNoneWasOfferedIsAnswered500() {
        EngineHarness h = server(ScriptedResponder.upgrades(r -> HandshakeAnswer.accept("chat")))
                .receive(ascii(sampleWith("Sec-WebSocket-Protocol: chat, superchat", "")));
        assertThat(h.sentHead()).startsWith("HTTP/1.1 500 Internal Server Error\r\n");
        assertRefusedAndDeaf(h, 500, null);
    }

    @Test
    void aResponderThatThrowsGets500WrittenAndItsExceptionReachesTheCaller() {
        RuntimeException boom = new IllegalStateException("secret detail");
        EngineHarness h = server(ScriptedResponder.upgrades(r -> {
            throw boom;
        }));
        assertThatThrownBy(() -> h.receive(ascii(SAMPLE_REQUEST))).isSameAs(boom);
        assertThat(h.sentHead()).isEqualTo(refusal("500 Internal Server Error",
                "the server failed to answer this request", ""));
        assertThat(h.sentHead()).doesNotContain("secret");
        assertRefusedAndDeaf(h, 500, null);
    }

    @Test
    void aResponderThatAnswersNothingGets500AndAnError() {
        EngineHarness h = server(ScriptedResponder.upgrades(r -> null));
        assertThatThrownBy(() -> h.receive(ascii(SAMPLE_REQUEST))).isInstanceOf(IllegalStateException.class);
        assertThat(h.sentHead()).startsWith("HTTP/1.1 500 Internal Server Error\r\n");
        assertRefusedAndDeaf(h, 500, null);
    }

    // ---- plain HTTP ------------------------------------------------------------------------------

    private static final String HEALTH = "GET /health HTTP/1.1\r\nHost: server.example.com\r\n\r\n";
    private static final String HEALTH_RESPONSE_HEAD = "HTTP/1.1 200 OK\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: 3\r\n"
            + "Connection: close\r\n"
            + "Cache-Control: no-store\r\n"
            + "\r\n";

    private static ScriptedResponder healthy() {
        return ScriptedResponder.serves(r -> HandshakeAnswer.respond(200, "text/plain; charset=utf-8", utf8("ok\n"))
                .withHeader("Cache-Control", "no-store"));
    }

    @Test
    void aPlainHttpRequestIsAnsweredByHttpThenTheConnectionCloses() {
        ScriptedResponder responder = healthy();
        EngineHarness h = server(responder).receive(ascii(HEALTH));
        assertThat(h.sentHead()).isEqualTo(HEALTH_RESPONSE_HEAD + "ok\n");
        assertThat(responder.asked).containsExactly("http GET /health");
        assertThat(h.engine.request().path()).isEqualTo("/health");
        assertRefusedAndDeaf(h, 200, null);
    }

    @Test
    void aHeadRequestGetsTheSameHeadWithoutTheBody() {
        ScriptedResponder responder = healthy();
        EngineHarness h = server(responder).receive(ascii(HEALTH.replace("GET", "HEAD")));
        assertThat(h.sentHead()).as("Content-Length of the body a GET would get").isEqualTo(HEALTH_RESPONSE_HEAD);
        assertThat(responder.asked).containsExactly("http HEAD /health");
        assertRefusedAndDeaf(h, 200, null);
    }

    @Test
    void aHeadRequestToARefusalGetsItsHeadWithoutTheReason() {
        EngineHarness h = server(ScriptedResponder.serves(r -> HandshakeAnswer.refuse(404, "no such page")))
                .receive(ascii("HEAD /nowhere HTTP/1.1\r\nHost: a\r\n\r\n"));
        String full = refusal("404 Not Found", "no such page", "");
        assertThat(h.sentHead()).isEqualTo(full.substring(0, full.indexOf("\r\n\r\n") + 4));
    }

    @Test
    void aPlainRequestWithoutAnHttpAnswerGetsTheDefault426() {
        ScriptedResponder responder = ScriptedResponder.acceptingFirstOffered();
        EngineHarness h = server(responder).receive(ascii(sampleWith("Upgrade: websocket", "")));
        assertThat(h.sentHead()).isEqualTo(refusal("426 Upgrade Required", "this is a WebSocket endpoint",
                "Upgrade: websocket"));
        assertThat(responder.asked).as("an upgrade to something else is plain HTTP").containsExactly("http GET /chat");
        assertRefusedAndDeaf(h, 426, "this is a WebSocket endpoint");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Length: 5", "Transfer-Encoding: chunked"})
    void aPlainRequestWithABodyIsAnswered413WithoutAskingTheResponder(String framing) {
        ScriptedResponder responder = healthy();
        EngineHarness h = server(responder)
                .receive(ascii("POST /upload HTTP/1.1\r\nHost: a\r\n" + framing + "\r\n\r\nhello"));
        assertThat(h.sentHead()).isEqualTo(refusal("413 Content Too Large", "request bodies are not accepted here", ""));
        assertThat(responder.asked).isEmpty();
        assertRefusedAndDeaf(h, 413, "request bodies are not accepted here");
    }

    @Test
    void aPlainRequestWithAnEmptyBodyIsAnsweredByHttp() {
        ScriptedResponder responder = healthy();
        EngineHarness h = server(responder).receive(ascii("POST /health HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n"));
        assertThat(h.sentHead()).isEqualTo(HEALTH_RESPONSE_HEAD + "ok\n");
        assertThat(responder.asked).containsExactly("http POST /health");
    }

    @Test
    void aPlainRequestAnsweredWithA101Gets500AndAnError() {
        EngineHarness h = server(ScriptedResponder.serves(r -> HandshakeAnswer.accept(null)));
        assertThatThrownBy(() -> h.receive(ascii(HEALTH))).isInstanceOf(IllegalStateException.class);
        assertThat(h.sentHead()).startsWith("HTTP/1.1 500 Internal Server Error\r\n");
        assertRefusedAndDeaf(h, 500, null);
    }

    // ---- refusing before the request, and the engine's own limits on calls ------------------------

    @Test
    void refuseBeforeAnyByteWritesTheAnswerAndIgnoresTheRequest() {
        ScriptedResponder responder = ScriptedResponder.acceptingFirstOffered();
        EngineHarness h = server(responder);
        h.engine.refuse(HandshakeAnswer.refuse(503, "too many connections").withHeader("Retry-After", "5"));
        assertThat(h.sentHead()).isEqualTo(refusal("503 Service Unavailable", "too many connections", "Retry-After: 5"));
        assertRefusedAndDeaf(h, 503, "too many connections");
        assertThat(responder.asked).isEmpty();
        assertThat(h.engine.request()).isNull();
    }

    @Test
    void refuseIsOnlyForAServerStillReadingItsRequestAndOnlyWithAnError() {
        EngineHarness fresh = server(ScriptedResponder.acceptingFirstOffered());
        assertThatThrownBy(() -> fresh.engine.refuse(HandshakeAnswer.accept(null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(fresh.sent).isEmpty();
        EngineHarness open = server(ScriptedResponder.acceptingFirstOffered()).receive(ascii(SAMPLE_REQUEST));
        assertThatThrownBy(() -> open.engine.refuse(HandshakeAnswer.refuse(503, "late")))
                .isInstanceOf(IllegalStateException.class);
        fresh.engine.refuse(HandshakeAnswer.refuse(503, "once"));
        assertThatThrownBy(() -> fresh.engine.refuse(HandshakeAnswer.refuse(503, "twice")))
                .isInstanceOf(IllegalStateException.class);
        EngineHarness client = EngineHarness.handshakingClient(
                HandshakeRequest.client("a", 80, "/", List.of(), List.of()));
        assertThatThrownBy(() -> client.engine.refuse(HandshakeAnswer.refuse(503, "no")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(open.sent).hasSize(1);
        assertThat(fresh.sent).hasSize(1);
    }

    @Test
    void aServerEngineNeedsAServersConfiguration() {
        assertThatThrownBy(() -> WebSocketEngine.server(EngineConfig.client(), ScriptedResponder.acceptingFirstOffered(),
                new RecordingListener(), frame -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nothingIsSentBeforeThe101() {
        // The state CONNECTING: "The opening handshake is under way; no frame may be sent yet." A
        // frame admitted now would reach the client ahead of the 101, as part of the HTTP answer.
        EngineHarness h = server(ScriptedResponder.acceptingFirstOffered());
        Outbound out = h.engine.outbound();
        assertThat(out.isOpen()).isFalse();
        assertThat(h.engine.sendText("too early")).isEqualTo(SendResult.REFUSED_CLOSED);
        assertThat(h.engine.sendBinary(ByteBuffer.allocate(1))).isEqualTo(SendResult.REFUSED_CLOSED);
        assertThat(h.engine.sendFragment(true, ByteBuffer.allocate(1), false)).isEqualTo(SendResult.REFUSED_CLOSED);
        assertThat(h.engine.sendPing(ByteBuffer.allocate(0))).isEqualTo(SendResult.REFUSED_CLOSED);
        assertThat(h.engine.sendPong(ByteBuffer.allocate(0))).isEqualTo(SendResult.REFUSED_CLOSED);
        assertThat(out.encoded(ByteBuffer.wrap(TestFrames.server(0x1, true, utf8("x"))), null, (f, c) -> {
            throw new AssertionError("admitted");
        })).isEqualTo(SendResult.REFUSED_CLOSED);
        assertThat(out.requestClose(1000, "")).isFalse();
        assertThat(h.sent).isEmpty();
        h.receive(ascii(SAMPLE_REQUEST));
        assertOpenedWithTheSample(h);
        assertThat(out.isOpen()).isTrue();
        assertThat(h.engine.sendText("now")).isEqualTo(SendResult.QUEUED);
        assertThat(h.sentFrames()).containsExactly("text:now");
    }

    @Test
    void aListenerMaySendFromOnOpenAndItsFrameFollowsThe101() {
        List<ByteBuffer> sent = new ArrayList<>();
        WebSocketEngine[] engine = new WebSocketEngine[1];
        RecordingListener greeting = new RecordingListener() {
            @Override
            public void onOpen() {
                super.onOpen();
                assertThat(engine[0].sendText("welcome")).isEqualTo(SendResult.QUEUED);
            }
        };
        engine[0] = WebSocketEngine.server(EngineConfig.server(), ScriptedResponder.acceptingFirstOffered(), greeting,
                sent::add);
        engine[0].receive(ByteBuffer.wrap(ascii(SAMPLE_REQUEST)));
        assertThat(StandardCharsets.ISO_8859_1.decode(sent.get(0)).toString()).isEqualTo(SAMPLE_RESPONSE);
        assertThat(TestFrames.describe(sent.subList(1, sent.size()))).containsExactly("text:welcome");
        assertThat(greeting.events()).containsExactly("open");
    }

    @Test
    void failWhileReadingTheRequestEndsTheHandshakeWithoutWritingOrAsking() {
        ScriptedResponder responder = ScriptedResponder.acceptingFirstOffered();
        EngineHarness h = server(responder).receive(ascii("GET /chat HTTP/1.1\r\n"));
        h.engine.fail(1001, "");
        assertThat(h.engine.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(h.engine.transportShouldClose()).isTrue();
        h.receive(ascii(SAMPLE_REQUEST));
        assertThat(h.sent).isEmpty();
        assertThat(responder.asked).isEmpty();
    }

    @Test
    void theTransportClosingWhileReadingTheRequestEndsTheHandshake() {
        ScriptedResponder responder = ScriptedResponder.acceptingFirstOffered();
        EngineHarness h = server(responder).receive(ascii("GET /chat HTTP/1.1\r\n"));
        h.engine.transportClosed();
        assertThat(h.engine.state()).isEqualTo(ConnectionState.CLOSED);
        h.receive(ascii(SAMPLE_REQUEST));
        assertThat(h.sent).isEmpty();
        assertThat(responder.asked).isEmpty();
        assertThat(h.events()).isEmpty();
    }
}
