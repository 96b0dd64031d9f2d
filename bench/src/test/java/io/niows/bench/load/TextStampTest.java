package io.niows.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A broadcast text message carries its sequence number and send time in its first 16 characters. */
class TextStampTest {

    private static long word(byte[] message, int from) {
        return ByteBuffer.wrap(message, from, 8).getLong();
    }

    @Test
    void theFirstSixteenBytesGiveBackTheNumbers() {
        long[][] cases = {{0, 0}, {1, 123_456_789_012L}, {(1 << 30) - 1, Long.MAX_VALUE}, {77, Long.MIN_VALUE}, {5, -42}};
        for (long[] c : cases) {
            byte[] message = TextStamp.message(1024, c[0], c[1]);
            assertThat(TextStamp.seq(word(message, 0), word(message, 8))).isEqualTo(c[0]);
            assertThat(TextStamp.nanos(word(message, 0), word(message, 8))).isEqualTo(c[1]);
        }
    }

    @Test
    void theMessageIsAsciiTextOfTheSizeAskedForWithJsonAfterTheStamp() {
        for (int size : new int[] {16, 20, 28, 64, 1024}) {
            byte[] message = TextStamp.message(size, 3, 4);
            assertThat(message).hasSize(size);
            String text = new String(message, StandardCharsets.US_ASCII);
            assertThat(text).matches("[A-Za-z0-9_-]{16}[\\x20-\\x7e]*");
            if (size >= 28) {
                assertThat(text.substring(16)).startsWith("{").endsWith("}");
            }
        }
    }

    @Test
    void bytesThatAreNoStampGiveMinusOne() {
        byte[] binary = ByteBuffer.allocate(16).putLong(7).putLong(8).array();
        assertThat(TextStamp.seq(word(binary, 0), word(binary, 8))).isEqualTo(-1);
    }
}
