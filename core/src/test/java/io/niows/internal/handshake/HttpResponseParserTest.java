package io.niows.internal.handshake;

import static io.niows.internal.handshake.Heads.ascii;
import static io.niows.internal.handshake.Heads.parseResponse;
import static io.niows.internal.handshake.HttpRequestParserTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** RFC 7230 §3.1.2: the status line and headers the client reads. */
class HttpResponseParserTest {

    private static final String RFC_ANSWER = "HTTP/1.1 101 Switching Protocols\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
            + "Sec-WebSocket-Protocol: chat\r\n"
            + "\r\n";

    /** RFC 6455 §5.7: an unmasked text frame "Hello", as a server sends it. */
    private static final byte[] UNMASKED_HELLO = {(byte) 0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f};

    @Test
    void rfcAnswerParsedAtEverySplitPointLeavesTheFirstFrame() throws HttpError {
        byte[] input = Heads.concat(ascii(RFC_ANSWER), UNMASKED_HELLO);
        for (int split = 0; split < ascii(RFC_ANSWER).length; split++) {
            HttpResponseParser parser = new HttpResponseParser(HandshakeLimits.defaults());
            ByteBuffer first = ByteBuffer.wrap(input, 0, split);
            assertThat(parser.parse(first)).as("split %d", split).isNull();
            ByteBuffer second = ByteBuffer.wrap(input, split, input.length - split);
            HttpResponseHead head = parser.parse(second);
            assertThat(head.status()).isEqualTo(101);
            assertThat(head.reason()).isEqualTo("Switching Protocols");
            assertThat(head.version()).isEqualTo("HTTP/1.1");
            assertThat(head.header("sec-websocket-accept")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
            assertThat(head.headerMap()).hasSize(4);
            assertThat(Heads.remaining(second)).containsExactly(UNMASKED_HELLO);
        }
    }

    @Test
    void reasonPhraseMayBeEmptyOrAbsent() throws HttpError {
        assertThat(parseResponse("HTTP/1.1 101 \r\n\r\n").reason()).isEmpty();
        assertThat(parseResponse("HTTP/1.1 101\r\n\r\n").status()).isEqualTo(101);
        assertThat(parseResponse("HTTP/1.1 404 Not  Found\r\n\r\n").reason()).isEqualTo("Not  Found");
    }

    @Test
    void malformedStatusLinesAre400() {
        assertError(() -> parseResponse("HTTP/1.1\r\n\r\n"), 400, "status line is not HTTP-version SP status-code");
        assertError(() -> parseResponse("ICY 200 OK\r\n\r\n"), 400, "status line is not HTTP-version SP status-code");
        assertError(() -> parseResponse("HTTP/1.1 1010 x\r\n\r\n"), 400, "status line has no three-digit status code");
        assertError(() -> parseResponse("HTTP/1.1 10x x\r\n\r\n"), 400, "status line has no three-digit status code");
        assertError(() -> parseResponse("HTTP/1.1 10\r\n\r\n"), 400, "status line has no three-digit status code");
    }

    @Test
    void responsesBeforeHttp11OrFromAnotherMajorVersionAreRefused() {
        assertError(() -> parseResponse("HTTP/1.0 101 x\r\n\r\n"), 400, "response must be HTTP/1.1 or later, not HTTP/1.0");
        assertError(() -> parseResponse("HTTP/2.0 101 x\r\n\r\n"), 505, "HTTP version 2.0 not supported");
    }

    @Test
    void responseHeadIsBounded() {
        HandshakeLimits limits = HandshakeLimits.defaults().withMaxHeaderCount(1);
        assertError(() -> new HttpResponseParser(limits).parse(ByteBuffer.wrap(ascii("HTTP/1.1 101 x\r\nA: 1\r\nB: 2\r\n\r\n"))),
                431, "more than 1 header lines");
        String endless = "HTTP/1.1 101 x\r\nA: " + "b".repeat(20000);
        assertError(() -> parseResponse(endless), 431, "response head larger than 16384 bytes");
    }
}
