package io.niows.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ServerFrameReaderTest {

    record Frame(int opcode, long length, long word0, long word1) {
    }

    private static List<Frame> feedInChunks(byte[] wire, int... cuts) throws IOException {
        List<Frame> frames = new ArrayList<>();
        ServerFrameReader reader = new ServerFrameReader();
        int from = 0;
        for (int cut : cuts) {
            reader.feed(ByteBuffer.wrap(wire, from, cut - from), (op, len, w0, w1) -> frames.add(new Frame(op, len, w0, w1)));
            from = cut;
        }
        reader.feed(ByteBuffer.wrap(wire, from, wire.length - from), (op, len, w0, w1) -> frames.add(new Frame(op, len, w0, w1)));
        return frames;
    }

    private static byte[] serverFrame(int opcode, byte[] payload) {
        int len = payload.length;
        ByteBuffer b = ByteBuffer.allocate(10 + len);
        b.put((byte) (0x80 | opcode));
        if (len <= 125) {
            b.put((byte) len);
        } else if (len <= 0xFFFF) {
            b.put((byte) 126).putShort((short) len);
        } else {
            b.put((byte) 127).putLong(len);
        }
        b.put(payload);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    private static byte[] stamped(int length, long seq, long stamp) {
        ByteBuffer b = ByteBuffer.allocate(length);
        b.putLong(seq).putLong(stamp);
        return b.array();
    }

    @Test
    void readsTheUnmaskedHelloOfRfc6455Section5_7() throws IOException {
        byte[] wire = {(byte) 0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f};
        assertThat(feedInChunks(wire)).containsExactly(new Frame(1, 5, 0x48656c6c6fL, 0));
    }

    @Test
    void readsTheSameFramesWhateverTheSplitOfTheInput() throws IOException {
        byte[] a = serverFrame(2, stamped(16, 7, 123456789L));
        byte[] b = serverFrame(2, stamped(300, 8, 42));
        byte[] c = serverFrame(2, new byte[0]);
        byte[] d = serverFrame(2, stamped(70000, 9, -1L >>> 1));
        ByteBuffer all = ByteBuffer.allocate(a.length + b.length + c.length + d.length);
        byte[] wire = all.put(a).put(b).put(c).put(d).array();
        List<Frame> expected = List.of(new Frame(2, 16, 7, 123456789L), new Frame(2, 300, 8, 42),
                new Frame(2, 0, 0, 0), new Frame(2, 70000, 9, -1L >>> 1));
        for (int cut = 0; cut <= wire.length; cut += cut < 400 ? 1 : 997) {
            assertThat(feedInChunks(wire, cut)).as("cut at %d", cut).isEqualTo(expected);
        }
        Random random = new Random(6455);
        for (int round = 0; round < 50; round++) {
            int[] cuts = random.ints(8, 0, wire.length).sorted().toArray();
            assertThat(feedInChunks(wire, cuts)).as("cuts %s", java.util.Arrays.toString(cuts)).isEqualTo(expected);
        }
    }

    @Test
    void readsAFrameWhoseHeaderEndsTheChunkAndHasNoPayload() throws IOException {
        byte[] wire = serverFrame(0xA, new byte[0]);
        assertThat(feedInChunks(wire, 1)).containsExactly(new Frame(0xA, 0, 0, 0));
    }

    @Test
    void refusesAMaskedServerFrame() {
        byte[] wire = {(byte) 0x82, (byte) 0x81, 1, 2, 3, 4, 5};
        assertThatThrownBy(() -> feedInChunks(wire)).isInstanceOf(IOException.class).hasMessageContaining("masked");
    }

    @Test
    void refusesA64BitLengthWithTheTopBitSet() {
        byte[] wire = {(byte) 0x82, 127, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> feedInChunks(wire)).isInstanceOf(IOException.class).hasMessageContaining("top bit");
    }

    @Test
    void readsBackWhatTheClientWriterWroteOnceUnmasked() throws IOException {
        ByteBuffer masked = ClientFrameWriter.frame(2, ByteBuffer.wrap(stamped(40, 3, 4)), 0x01020304, false);
        byte[] wire = new byte[masked.remaining() - 4];
        wire[0] = masked.get(0);
        wire[1] = (byte) (masked.get(1) & 0x7F);
        for (int i = 0; i < 40; i++) {
            wire[2 + i] = (byte) (masked.get(6 + i) ^ masked.get(2 + (i & 3)));
        }
        assertThat(feedInChunks(wire)).containsExactly(new Frame(2, 40, 3, 4));
    }
}
