package io.niows.internal.handshake;

import static io.niows.internal.handshake.Heads.ascii;
import static io.niows.internal.handshake.Heads.concat;
import static io.niows.internal.handshake.Heads.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** RFC 7230 §3 as far as the opening handshake of RFC 6455 §4.2.1 needs it. */
class HttpRequestParserTest {

    private static final byte[] CHROME_THEN_FRAME = concat(ascii(Heads.CHROME_REQUEST), Heads.MASKED_HELLO);

    @Test
    void chromeRequestParsedWholeLeavesTheFirstFrameInTheBuffer() throws HttpError {
        ByteBuffer in = ByteBuffer.wrap(CHROME_THEN_FRAME);
        HttpRequest request = new HttpRequestParser(HandshakeLimits.defaults()).parse(in);
        assertIsChromeRequest(request);
        assertThat(Heads.remaining(in)).containsExactly(Heads.MASKED_HELLO);
    }

    @Test
    void chromeRequestParsedOneByteAtATime() throws HttpError {
        HttpRequestParser parser = new HttpRequestParser(HandshakeLimits.defaults());
        int headLength = ascii(Heads.CHROME_REQUEST).length;
        HttpRequest request = null;
        for (int i = 0; i < headLength; i++) {
            assertThat(request).as("complete before byte %d", i).isNull();
            ByteBuffer one = ByteBuffer.wrap(CHROME_THEN_FRAME, i, 1);
            request = parser.parse(one);
            assertThat(one.hasRemaining()).isFalse();
        }
        assertIsChromeRequest(request);
    }

    @Test
    void chromeRequestParsedAtEverySplitPoint() throws HttpError {
        for (int split = 0; split <= CHROME_THEN_FRAME.length; split++) {
            HttpRequestParser parser = new HttpRequestParser(HandshakeLimits.defaults());
            ByteBuffer first = ByteBuffer.wrap(CHROME_THEN_FRAME, 0, split);
            HttpRequest request = parser.parse(first);
            byte[] left;
            if (request == null) {
                assertThat(first.hasRemaining()).as("split %d consumed", split).isFalse();
                ByteBuffer second = ByteBuffer.wrap(CHROME_THEN_FRAME, split, CHROME_THEN_FRAME.length - split);
                request = parser.parse(second);
                left = Heads.remaining(second);
            } else {
                left = concat(Heads.remaining(first),
                        java.util.Arrays.copyOfRange(CHROME_THEN_FRAME, split, CHROME_THEN_FRAME.length));
            }
            assertIsChromeRequest(request);
            assertThat(left).as("split %d", split).containsExactly(Heads.MASKED_HELLO);
        }
    }

    @Test
    void chromeRequestParsedInSeededRandomChunks() throws HttpError {
        Random random = new Random(6455);
        for (int round = 0; round < 200; round++) {
            HttpRequestParser parser = new HttpRequestParser(HandshakeLimits.defaults());
            ByteBuffer in = ByteBuffer.wrap(CHROME_THEN_FRAME);
            HttpRequest request = null;
            while (request == null) {
                int chunk = Math.min(in.remaining(), 1 + random.nextInt(40));
                ByteBuffer slice = in.slice().limit(chunk);
                request = parser.parse(slice);
                in.position(in.position() + slice.position());
            }
            assertIsChromeRequest(request);
            assertThat(Heads.remaining(in)).containsExactly(Heads.MASKED_HELLO);
        }
    }

    @Test
    void incompleteHeadReturnsNullAndConsumesEverything() throws HttpError {
        ByteBuffer in = ByteBuffer.wrap(ascii("GET / HTTP/1.1\r\nHost: a\r\n"));
        assertThat(new HttpRequestParser(HandshakeLimits.defaults()).parse(in)).isNull();
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void headerValuesAreTrimmedAndLookupsIgnoreCase() throws HttpError {
        HttpRequest request = Heads.parseRequest(request("GET / HTTP/1.1",
                "host:  a.example \t", "X-Empty:", "x-multi: 1", "X-Multi: 2"));
        assertThat(request.header("HOST")).isEqualTo("a.example");
        assertThat(request.header("x-empty")).isEmpty();
        assertThat(request.headerValues("X-MULTI")).containsExactly("1", "2");
        assertThat(request.header("absent")).isNull();
        assertThat(request.headerValues("absent")).isEmpty();
        assertThat(request.headerMap().keySet()).containsExactly("host", "X-Empty", "x-multi");
    }

    @Test
    void targetSplitsIntoRawPathAndQuery() throws HttpError {
        HttpRequest origin = Heads.parseRequest(request("GET /a%20b?x=1&y HTTP/1.1", "Host: h"));
        assertThat(origin.target()).isEqualTo("/a%20b?x=1&y");
        assertThat(origin.path()).isEqualTo("/a%20b");
        assertThat(origin.query()).isEqualTo("x=1&y");
        HttpRequest noQuery = Heads.parseRequest(request("GET /chat HTTP/1.1", "Host: h"));
        assertThat(noQuery.query()).isNull();
        HttpRequest absolute = Heads.parseRequest(request("GET http://h:8080/chat?q HTTP/1.1", "Host: h"));
        assertThat(absolute.path()).isEqualTo("/chat");
        assertThat(absolute.query()).isEqualTo("q");
    }

    @Test
    void laterHttp1MinorVersionIsAccepted() throws HttpError {
        assertThat(Heads.parseRequest(request("GET / HTTP/1.2", "Host: h")).version()).isEqualTo("HTTP/1.2");
    }

    @Test
    void emptyLineBeforeTheRequestLineIsIgnored() throws HttpError {
        assertThat(Heads.parseRequest("\r\n" + request("GET / HTTP/1.1", "Host: h")).method()).isEqualTo("GET");
    }

    @Test
    void requestLineOverTheLimitIs414() throws HttpError {
        HandshakeLimits limits = HandshakeLimits.defaults().withMaxRequestLineLength(20);
        String line = "GET /" + "a".repeat(16);
        assertThat(line).hasSize(21);
        assertError(() -> new HttpRequestParser(limits).parse(ByteBuffer.wrap(ascii(line))), 414,
                "request line longer than 20 bytes");
        assertThat(parsesWith(limits, request("GET /" + "a".repeat(6) + " HTTP/1.1", "Host: h"))).isTrue();
    }

    @Test
    void defaultRequestLineLimitIs8192Bytes() throws HttpError {
        String exactly = "GET /" + "a".repeat(8192 - 14) + " HTTP/1.1";
        assertThat(exactly).hasSize(8192);
        assertThat(parsesWith(HandshakeLimits.defaults(), request(exactly, "Host: h"))).isTrue();
        String over = "GET /" + "a".repeat(8192 - 13) + " HTTP/1.1";
        assertError(() -> Heads.parseRequest(request(over, "Host: h")), 414, "request line longer than 8192 bytes");
    }

    @Test
    void moreHeaderLinesThanTheLimitIs431() throws HttpError {
        HandshakeLimits limits = HandshakeLimits.defaults().withMaxHeaderCount(3);
        assertThat(parsesWith(limits, request("GET / HTTP/1.1", "A: 1", "B: 2", "C: 3"))).isTrue();
        assertError(() -> new HttpRequestParser(limits).parse(
                ByteBuffer.wrap(ascii(request("GET / HTTP/1.1", "A: 1", "B: 2", "C: 3", "D: 4")))),
                431, "more than 3 header lines");
    }

    @Test
    void headLargerThanTheLimitIs431EvenWithoutALineEnd() throws HttpError {
        String head = request("GET / HTTP/1.1", "Host: h");
        HandshakeLimits exact = HandshakeLimits.defaults().withMaxHeadSize(head.length());
        assertThat(parsesWith(exact, head)).isTrue();
        HandshakeLimits smaller = HandshakeLimits.defaults().withMaxHeadSize(head.length() - 1);
        assertError(() -> new HttpRequestParser(smaller).parse(ByteBuffer.wrap(ascii(head))), 431,
                "request head larger than " + (head.length() - 1) + " bytes");
        String endless = "GET / HTTP/1.1\r\nX: " + "a".repeat(20000);
        assertError(() -> Heads.parseRequest(endless), 431, "request head larger than 16384 bytes");
    }

    @Test
    void startLineAsLongAsTheHeadLimitIsAnswered431NotACrash() {
        HandshakeLimits limits = HandshakeLimits.defaults().withMaxHeadSize(300);
        String line = "GET /" + "a".repeat(400);
        assertError(() -> new HttpRequestParser(limits).parse(ByteBuffer.wrap(ascii(line))), 431,
                "request head larger than 300 bytes");
    }

    @Test
    void headerLineAsLongAsTheHeadLimitIsAnswered431() {
        HandshakeLimits limits = HandshakeLimits.defaults().withMaxHeadSize(1024);
        String head = "GET / HTTP/1.1\r\nX: " + "a".repeat(2000);
        assertError(() -> new HttpRequestParser(limits).parse(ByteBuffer.wrap(ascii(head))), 431,
                "request head larger than 1024 bytes");
    }

    @Test
    void malformedRequestLinesAre400() {
        for (String line : List.of("GET /  HTTP/1.1", "GET  / HTTP/1.1", "GET / HTTP/1.1 ", "GET /",
                " GET / HTTP/1.1", "G(T / HTTP/1.1")) {
            assertThatThrownBy(() -> Heads.parseRequest(request(line, "Host: h")))
                    .as(line).isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(400));
        }
        assertError(() -> Heads.parseRequest(request("GET / HTTP/1.10", "Host: h")), 400,
                "malformed HTTP version in the request line");
        assertError(() -> Heads.parseRequest(request("GET / http/1.1", "Host: h")), 400,
                "malformed HTTP version in the request line");
        assertError(() -> Heads.parseRequest(request("GET /\u00e9 HTTP/1.1", "Host: h")), 400,
                "request target holds a character that is not allowed");
    }

    @Test
    void http10Is400AndOtherMajorVersionsAre505() {
        assertError(() -> Heads.parseRequest(request("GET / HTTP/1.0", "Host: h")), 400,
                "request must be HTTP/1.1 or later, not HTTP/1.0");
        assertError(() -> Heads.parseRequest(request("GET / HTTP/2.0", "Host: h")), 505,
                "HTTP version 2.0 not supported");
        assertError(() -> Heads.parseRequest(request("GET / HTTP/0.9", "Host: h")), 505,
                "HTTP version 0.9 not supported");
    }

    @Test
    void bareLfIsRefusedWith400() {
        assertError(() -> Heads.parseRequest("GET / HTTP/1.1\nHost: h\n\n"), 400,
                "bare LF in the request head: lines must end with CRLF");
        assertError(() -> Heads.parseRequest("GET / HTTP/1.1\r\nHost: h\r\n\n"), 400,
                "bare LF in the request head: lines must end with CRLF");
        assertError(() -> Heads.parseRequest("GET / HTTP/1.1\r\nHost: h\rX: 1\r\n\r\n"), 400,
                "CR not followed by LF in the request head");
    }

    @Test
    void obsoleteLineFoldingIs400() {
        assertError(() -> Heads.parseRequest(request("GET / HTTP/1.1", "Host: h", "X-Long: a", " b")), 400,
                "obsolete line folding in the request head");
        assertError(() -> Heads.parseRequest(request("GET / HTTP/1.1", "\tHost: h")), 400,
                "obsolete line folding in the request head");
    }

    @Test
    void whitespaceBeforeTheColonIs400() {
        assertError(() -> Heads.parseRequest(request("GET / HTTP/1.1", "Host : h")), 400,
                "whitespace between header name and colon");
    }

    @Test
    void malformedHeaderLinesAre400() {
        assertError(() -> Heads.parseRequest(request("GET / HTTP/1.1", "Host h")), 400,
                "header line without a colon");
        assertError(() -> Heads.parseRequest(request("GET / HTTP/1.1", ": h")), 400, "header name is not a token");
        assertError(() -> Heads.parseRequest(request("GET / HTTP/1.1", "Ho(st: h")), 400,
                "header name is not a token");
        assertError(() -> Heads.parseRequest(request("GET / HTTP/1.1", "X: a\u0000b")), 400,
                "control character in header X");
    }

    @Test
    void afterAnErrorTheParserRefusesMoreInput() {
        HttpRequestParser parser = new HttpRequestParser(HandshakeLimits.defaults());
        assertThatThrownBy(() -> parser.parse(ByteBuffer.wrap(ascii("GET / HTTP/1.1\n"))))
                .isInstanceOf(HttpError.class);
        ByteBuffer more = ByteBuffer.wrap(ascii("Host: h\r\n\r\n"));
        assertError(() -> parser.parse(more), 400, "bare LF in the request head: lines must end with CRLF");
        assertThat(more.position()).isZero();
    }

    @Test
    void afterCompletionTheParserTakesNoMoreInput() throws HttpError {
        HttpRequestParser parser = new HttpRequestParser(HandshakeLimits.defaults());
        assertThat(parser.parse(ByteBuffer.wrap(ascii(request("GET / HTTP/1.1", "Host: h"))))).isNotNull();
        assertThatThrownBy(() -> parser.parse(ByteBuffer.wrap(ascii("x"))))
                .isInstanceOf(IllegalStateException.class);
    }

    private static void assertIsChromeRequest(HttpRequest request) {
        assertThat(request).isNotNull();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.target()).isEqualTo("/chat?room=1");
        assertThat(request.path()).isEqualTo("/chat");
        assertThat(request.query()).isEqualTo("room=1");
        assertThat(request.version()).isEqualTo("HTTP/1.1");
        assertThat(request.headerMap()).hasSize(12);
        assertThat(request.header("host")).isEqualTo("localhost:8080");
        assertThat(request.header("sec-websocket-key")).isEqualTo("dGhlIHNhbXBsZSBub25jZQ==");
        assertThat(request.header("User-Agent")).endsWith("Safari/537.36");
        assertThat(request.header("Sec-WebSocket-Extensions"))
                .isEqualTo("permessage-deflate; client_max_window_bits");
    }

    private static boolean parsesWith(HandshakeLimits limits, String head) throws HttpError {
        return new HttpRequestParser(limits).parse(ByteBuffer.wrap(ascii(head))) != null;
    }

    static void assertError(ThrowingCallable call, int status, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(HttpError.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.reason()).isEqualTo(reason);
        });
    }
}
