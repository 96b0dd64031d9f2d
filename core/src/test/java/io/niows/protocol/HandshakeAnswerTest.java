package io.niows.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
}
