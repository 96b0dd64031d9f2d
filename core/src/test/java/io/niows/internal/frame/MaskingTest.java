package io.niows.internal.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** RFC 6455 §5.3 client-to-server masking, checked against a byte-by-byte reference. */
class MaskingTest {

    private static final int KEY = 0x37fa213d;
    private static final int[] LENGTHS =
            IntStream.concat(IntStream.rangeClosed(0, 40), IntStream.of(511, 512, 513, 1000, 1023, 1024, 1031, 4096, 4109, 70_001)).toArray();

    /** RFC 6455 §5.3: "j = i MOD 4; transformed-octet-i = original-octet-i XOR masking-key-octet-j". */
    private static byte[] reference(byte[] data, int key, int phase) {
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            int j = (i + phase) % 4;
            out[i] = (byte) (data[i] ^ (key >>> (24 - 8 * j)));
        }
        return out;
    }

    private static ByteBuffer buffer(boolean direct, ByteOrder order, int capacity) {
        return (direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity)).order(order);
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] read(ByteBuffer buffer, int index, int length) {
        byte[] out = new byte[length];
        buffer.get(index, out);
        return out;
    }

    @Test
    void masksLikeTheReferenceForEveryOffsetLengthPhaseBufferKindAndByteOrder() {
        for (boolean direct : new boolean[] {false, true}) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
                for (int offset = 0; offset < 16; offset++) {
                    for (int length : LENGTHS) {
                        for (int phase = 0; phase < 4; phase++) {
                            byte[] data = random(length, offset * 1000L + length);
                            ByteBuffer src = buffer(direct, order, offset + length + 3);
                            src.put(offset, data);
                            ByteBuffer dst = buffer(!direct, order, length + 16);
                            int dstOffset = (offset * 7) % 16;
                            Masking.mask(src, offset, dst, dstOffset, length, KEY, phase);
                            assertThat(read(dst, dstOffset, length))
                                    .as("direct=%s order=%s offset=%d length=%d phase=%d", direct, order, offset, length, phase)
                                    .isEqualTo(reference(data, KEY, phase));
                            assertThat(read(src, offset, length)).as("source untouched").isEqualTo(data);
                        }
                    }
                }
            }
        }
    }

    @Test
    void masksInPlaceLikeTheReferenceForEveryOffsetAndLength() {
        for (boolean direct : new boolean[] {false, true}) {
            for (int offset = 0; offset < 16; offset++) {
                for (int length : LENGTHS) {
                    byte[] data = random(length, length * 31L + offset);
                    ByteBuffer buffer = buffer(direct, ByteOrder.BIG_ENDIAN, offset + length);
                    buffer.put(offset, data).position(offset);
                    Masking.maskInPlace(buffer, KEY, 1);
                    assertThat(buffer.position()).isEqualTo(offset);
                    assertThat(read(buffer, offset, length)).as("direct=%s offset=%d length=%d", direct, offset, length)
                            .isEqualTo(reference(data, KEY, 1));
                }
            }
        }
    }

    @Test
    void maskingTwiceRestoresTheData() {
        byte[] data = random(1000, 7);
        ByteBuffer buffer = ByteBuffer.wrap(data.clone());
        Masking.maskInPlace(buffer, KEY, 0);
        Masking.maskInPlace(buffer, KEY, 0);
        assertThat(buffer.array()).isEqualTo(data);
    }

    @Test
    void chunksMaskedWithTheirPhaseEqualTheWholeMaskedAtOnce() {
        byte[] data = random(1000, 11);
        byte[] expected = reference(data, KEY, 0);
        for (int cut = 0; cut <= 40; cut++) {
            ByteBuffer buffer = ByteBuffer.wrap(data.clone());
            Masking.mask(buffer, 0, buffer, 0, cut, KEY, 0);
            Masking.mask(buffer, cut, buffer, cut, data.length - cut, KEY, cut);
            assertThat(buffer.array()).as("cut at %d", cut).isEqualTo(expected);
        }
    }
}
