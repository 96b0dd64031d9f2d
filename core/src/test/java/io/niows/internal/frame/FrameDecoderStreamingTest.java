package io.niows.internal.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.protocol.TestFrames;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link FrameDecoder#streamMessages}: a streamed text message cut into frames at every byte and
 * fed in every split still gives whole code points per chunk, the same text, one last chunk.
 */
class FrameDecoderStreamingTest {

    private static final String TEXT = "a€b😀ü";
    private static final int TEXT_OPCODE = 0x1;
    private static final int CONTINUATION = 0x0;

    /** Records chunks; a whole message is a bug in streaming mode. */
    private static final class Chunks implements FrameEvents {
        final List<String> text = new ArrayList<>();
        int lasts;

        @Override
        public void onTextChunk(CharSequence chunk, boolean last) {
            text.add(chunk.toString());
            lasts += last ? 1 : 0;
        }

        @Override
        public void onText(String whole) {
            throw new AssertionError("a whole message in streaming mode");
        }

        @Override
        public void onBinary(ByteBuffer data) {
            throw new AssertionError("a whole message in streaming mode");
        }

        @Override
        public void onPing(ByteBuffer payload) {
        }

        @Override
        public void onPong(ByteBuffer payload) {
        }

        @Override
        public void onCloseReceived(int code, String reason) {
        }
    }

    @Test
    void everyFrameCutAndEveryReadSplitGivesWholeCodePointsAndTheSameText() {
        byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= utf8.length; cut++) {
            byte[] wire = TestFrames.concat(
                    TestFrames.client(TEXT_OPCODE, false, Arrays.copyOfRange(utf8, 0, cut)),
                    TestFrames.client(CONTINUATION, true, Arrays.copyOfRange(utf8, cut, utf8.length)));
            for (int split = 0; split <= wire.length; split++) {
                Chunks events = new Chunks();
                FrameDecoder decoder = new FrameDecoder(true, 1 << 20, 1 << 20, events);
                decoder.streamMessages(Long.MAX_VALUE);
                feed(decoder, wire, split);
                assertThat(String.join("", events.text)).as("cut %d split %d", cut, split).isEqualTo(TEXT);
                assertThat(events.lasts).isEqualTo(1);
                // a code point split across chunks would decode to U+FFFD on each side
                assertThat(events.text).noneMatch(chunk -> chunk.contains("\uFFFD"));
            }
        }
    }

    @Test
    void anInvalidByteGivesTheTextBeforeItThenFailsWith1007() {
        byte[] payload = TestFrames.concat("ok ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28});
        Chunks events = new Chunks();
        FrameDecoder decoder = new FrameDecoder(true, 1 << 20, 1 << 20, events);
        decoder.streamMessages(Long.MAX_VALUE);
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(TestFrames.client(TEXT_OPCODE, true, payload))))
                .isInstanceOfSatisfying(ProtocolViolation.class, v -> assertThat(v.closeCode()).isEqualTo(1007));
        assertThat(events.text).containsExactly("ok ");
        assertThat(events.lasts).isZero();
    }

    private static void feed(FrameDecoder decoder, byte[] wire, int split) {
        ByteBuffer first = ByteBuffer.wrap(Arrays.copyOfRange(wire, 0, split));
        decoder.decode(first);
        byte[] rest = TestFrames.concat(Arrays.copyOfRange(first.array(), first.position(), first.limit()),
                Arrays.copyOfRange(wire, split, wire.length));
        decoder.decode(ByteBuffer.wrap(rest));
    }
}
