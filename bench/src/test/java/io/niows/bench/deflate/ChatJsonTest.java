package io.niows.bench.deflate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Chat-like JSON of an exact size, the same for the same seed. */
class ChatJsonTest {

    @Test
    void everySizeIsExactAsciiJsonShapedAndRepeatable() {
        for (int size = 12; size <= 5000; size += size < 300 ? 1 : 97) {
            for (long seed = 0; seed < 3; seed++) {
                byte[] message = ChatJson.message(size, seed);
                assertThat(message).hasSize(size).isEqualTo(ChatJson.message(size, seed));
                String text = new String(message, StandardCharsets.US_ASCII);
                assertThat(text).startsWith("{").endsWith("}").matches("[\\x20-\\x7e]*");
                assertThat(text.chars().filter(c -> c == '{').count()).isEqualTo(text.chars().filter(c -> c == '}').count());
            }
        }
        assertThat(new String(ChatJson.message(4096, 1), StandardCharsets.US_ASCII))
                .startsWith("{\"type\":\"history\"").endsWith("\"}]}");
        assertThat(ChatJson.message(256, 1)).isNotEqualTo(ChatJson.message(256, 2));
    }

    @Test
    void tooSmallASizeIsRefused() {
        assertThatThrownBy(() -> ChatJson.message(11, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
