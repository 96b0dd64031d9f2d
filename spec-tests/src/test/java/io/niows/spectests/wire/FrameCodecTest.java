package io.niows.spectests.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fuzzer's own codec against the RFC 6455 section 5.7 examples, in both directions. */
class FrameCodecTest {
    private static final byte[] HELLO = "Hello".getBytes(StandardCharsets.US_ASCII);

    @Test
    void unmaskedTextFrameMatchesRfcExample() {
        assertThat(FrameWriter.encode(true, 0, Opcode.TEXT, HELLO, null)).isEqualTo(Hex.parse("810548656c6c6f"));
    }

    @Test
    void maskedTextFrameMatchesRfcExample() {
        byte[] key = Hex.parse("37fa213d");
        assertThat(FrameWriter.encode(true, 0, Opcode.TEXT, HELLO, key)).isEqualTo(Hex.parse("818537fa213d7f9f4d5158"));
    }

    @Test
    void lengthFormsSwitchAt126And65536() {
        assertThat(Hex.of(FrameWriter.encode(true, 0, Opcode.BINARY, new byte[125], null), 0, 2, 2)).isEqualTo("827d");
        assertThat(Hex.of(FrameWriter.encode(true, 0, Opcode.BINARY, new byte[256], null), 0, 4, 4)).isEqualTo("827e0100");
        assertThat(Hex.of(FrameWriter.encode(true, 0, Opcode.BINARY, new byte[65536], null), 0, 10, 10))
                .isEqualTo("827f0000000000010000");
    }

    @Test
    void writerEncodesWhatCorrectEndpointsNeverSend() {
        byte[] f = FrameWriter.encode(false, 7, 0xB, new byte[0], null);
        assertThat(f).isEqualTo(Hex.parse("7b00"));
    }

    @Test
    void readerDecodesEveryPartitionOfTwoFrames() throws Exception {
        byte[] stream = Hex.parse("818537fa213d7f9f4d5158" + "8a00");
        for (int cut = 0; cut <= stream.length; cut++) {
            FrameReader r = new FrameReader(1 << 20);
            List<Frame> frames = new ArrayList<>(r.feed(stream, 0, cut));
            frames.addAll(r.feed(stream, cut, stream.length - cut));
            assertThat(frames).hasSize(2);
            assertThat(frames.get(0).payload()).isEqualTo(HELLO);
            assertThat(frames.get(0).masked()).isTrue();
            assertThat(frames.get(1).opcode()).isEqualTo(Opcode.PONG);
            assertThat(r.pending()).isZero();
        }
    }

    @Test
    void readerFeedsOneByteAtATimeAndReportsHeaderBitsAsTheyAre() throws Exception {
        byte[] stream = FrameWriter.encode(false, 5, 0x3, new byte[70000], Hex.parse("01020304"));
        FrameReader r = new FrameReader(1 << 20);
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < stream.length; i++) {
            frames.addAll(r.feed(stream, i, 1));
        }
        assertThat(frames).singleElement().satisfies(f -> {
            assertThat(f.fin()).isFalse();
            assertThat(f.rsv()).isEqualTo(5);
            assertThat(f.opcode()).isEqualTo(3);
            assertThat(f.payload()).hasSize(70000).containsOnly(0);
        });
    }

    @Test
    void readerRejectsA64BitLengthWithTheTopBitSet() {
        byte[] bad = Hex.parse("827f8000000000000000");
        assertThatThrownBy(() -> new FrameReader(1 << 20).feed(bad, 0, bad.length))
                .isInstanceOf(FrameFormatException.class);
    }

    @Test
    void acceptKeyMatchesRfcExample() {
        assertThat(ClientHandshake.acceptFor("dGhlIHNhbXBsZSBub25jZQ==")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }
}
