package io.niows.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.internal.handshake.HttpError;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A response that is not a 101 goes through the one head writer and its one table of reason phrases. */
class HandshakeAnswerTest {

    private static String text(ByteBuffer bytes) {
        return StandardCharsets.ISO_8859_1.decode(bytes).toString();
    }

    @Test
    void aResponseIsWrittenWithItsPhraseFramingAndHeadersInOrder() {
        HandshakeAnswer answer = HandshakeAnswer.refuse(421, "wrong host").withHeader("X-One", "1").withHeader("X-Two", "2");
        assertThat(text(answer.encodeResponse(true))).isEqualTo("HTTP/1.1 421 Misdirected Request\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: 11\r\n"
                + "Connection: close\r\n"
                + "X-One: 1\r\n"
                + "X-Two: 2\r\n"
                + "\r\n"
                + "wrong host\n");
    }

    @Test
    void anAnswerToHeadKeepsTheLengthButNotTheBody() {
        String head = text(HandshakeAnswer.refuse(503, "later").encodeResponse(false));
        assertThat(head).startsWith("HTTP/1.1 503 Service Unavailable\r\n")
                .contains("Content-Length: 6\r\n").endsWith("\r\n\r\n");
    }

    @Test
    void aRefusedRequestIsACompletePlainTextAnswerWithItsExtraHeaders() {
        HttpError error = new HttpError(426, "Sec-WebSocket-Version must be 13", Map.of("Sec-WebSocket-Version", "13"));
        assertThat(text(ServerOpening.refusal(error).encodeResponse(true))).isEqualTo("HTTP/1.1 426 Upgrade Required\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: 33\r\n"
                + "Connection: close\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "\r\n"
                + "Sec-WebSocket-Version must be 13\n");
    }

    @Test
    void contentLengthCountsUtf8Bytes() {
        // 19 ASCII characters, a two-byte e-acute and the newline.
        assertThat(text(HandshakeAnswer.refuse(404, "no endpoint at /caf\u00e9").encodeResponse(true)))
                .contains("Content-Length: 22\r\n");
    }

    @Test
    void eachEncodingIsAFreshBuffer() {
        HandshakeAnswer answer = HandshakeAnswer.refuse(431, "too large");
        answer.encodeResponse(true).position(5);
        assertThat(answer.encodeResponse(true).position()).isZero();
    }

    @Test
    void theEngineWritesItsOwnFramingHeadersAndNoOneElse() {
        assertThatThrownBy(() -> HandshakeAnswer.refuse(400, "x").withHeader("Content-Length", "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HandshakeAnswer.accept(null).withHeader("Sec-WebSocket-Accept", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HandshakeAnswer.refuse(400, "x").withHeader("X", "a\r\nEvil: 1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HandshakeAnswer.refuse(200, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HandshakeAnswer.refuse(400, "two\nlines")).isInstanceOf(IllegalArgumentException.class);
    }
}
