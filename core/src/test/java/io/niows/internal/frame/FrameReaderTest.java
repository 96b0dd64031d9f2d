package io.niows.internal.frame;

import static io.niows.protocol.TestFrames.RFC_KEY;
import static io.niows.protocol.TestFrames.frame;
import static io.niows.protocol.TestFrames.frameWithLength;
import static io.niows.protocol.TestFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The structure-only reader: headers of every size, need-more without consuming, chunks unmasked as taken. */
class FrameReaderTest {

    private static final long[] LENGTHS = {0, 1, 125, 126, 127, 65535, 65536, 1L << 40, Long.MAX_VALUE};

    @Test
    void aShortHeaderConsumesNothingForEveryHeaderSize() {
        for (long length : LENGTHS) {
            for (Integer key : new Integer[] {null, RFC_KEY}) {
                byte[] header = frameWithLength(0x82, length, new byte[0], key);
                for (int n = 0; n < header.length; n++) {
                    ByteBuffer in = ByteBuffer.wrap(Arrays.copyOf(header, n));
                    ParsedFrame.Recorder recorder = new ParsedFrame.Recorder();
                    assertThat(new FrameReader().read(in, recorder)).as("length %d, %d bytes", length, n).isFalse();
                    assertThat(in.position()).isZero();
                }
            }
        }
    }

    @Test
    void readsEveryLengthEncodingAndTheMaskingKey() {
        for (long length : LENGTHS) {
            for (Integer key : new Integer[] {null, RFC_KEY}) {
                byte[] header = frameWithLength(0x82, length, new byte[0], key);
                FrameHeader[] seen = new FrameHeader[1];
                new FrameReader().read(ByteBuffer.wrap(header), new ParsedFrame.Recorder() {
                    @Override
                    public void onHeader(FrameHeader h) {
                        seen[0] = h;
                    }
                });
                assertThat(seen[0]).isEqualTo(FrameHeader.of(true, 2, key != null, length, key == null ? 0 : key));
                assertThat(header.length).isEqualTo(WireFormat.headerLength(length, key != null));
            }
        }
    }

    @Test
    void reportsEveryHeaderBitWithoutJudgingIt() {
        byte[] bytes = frame(0x7B, new byte[0], null);
        List<ParsedFrame> frames = new ParsedFrame.Recorder().readAll(List.of(bytes));
        FrameHeader h = frames.get(0).header();
        assertThat(h.fin()).isFalse();
        assertThat(h.rsv1()).isTrue();
        assertThat(h.rsv2()).isTrue();
        assertThat(h.rsv3()).isTrue();
        assertThat(h.opcode()).isEqualTo(0xB);
        assertThat(h.isControl()).isTrue();
    }

    @Test
    void a64BitLengthWithTheTopBitSetIsAProtocolError() {
        ByteBuffer in = ByteBuffer.wrap(hex("82 7f 80 00 00 00 00 00 00 00"));
        assertThatThrownBy(() -> new FrameReader().read(in, new ParsedFrame.Recorder()))
                .isInstanceOfSatisfying(ProtocolViolation.class, v -> assertThat(v.closeCode()).isEqualTo(1002));
    }

    @Test
    void copyingAChunkOutUnmasksItAndLeavesTheInputAsItCame() {
        byte[] masked = hex("81 85 37 fa 21 3d 7f 9f 4d 51 58");
        for (ByteBuffer in : inputsHolding(masked)) {
            ParsedFrame.Recorder recorder = new ParsedFrame.Recorder(false);
            readAll(in, recorder);
            assertThat(recorder.frames.get(0).payloadHex()).as(in.toString()).isEqualTo("48656c6c6f");
            assertThat(in.rewind()).as(in.toString()).isEqualTo(ByteBuffer.wrap(masked));
        }
    }

    @Test
    void unmaskingAChunkWhereItLiesChangesWritableInputOnly() {
        byte[] masked = hex("81 85 37 fa 21 3d 7f 9f 4d 51 58");
        for (ByteBuffer in : inputsHolding(masked)) {
            ParsedFrame.Recorder recorder = new ParsedFrame.Recorder(true);
            readAll(in, recorder);
            assertThat(recorder.frames.get(0).payloadHex()).as(in.toString()).isEqualTo("48656c6c6f");
            byte[] after = new byte[masked.length];
            in.get(0, after);
            assertThat(Arrays.copyOfRange(after, 6, 11))
                    .as(in.toString())
                    .isEqualTo(in.isReadOnly() ? Arrays.copyOfRange(masked, 6, 11) : "Hello".getBytes());
        }
    }

    @Test
    void aChunkIsTakenOnceAndOnlyDuringTheCall() {
        byte[] masked = hex("82 82 37 fa 21 3d 7f 9f");
        PayloadChunk[] kept = new PayloadChunk[1];
        FrameReader reader = new FrameReader();
        ByteBuffer in = ByteBuffer.wrap(masked);
        readAll(in, reader, new ParsedFrame.Recorder() {
            @Override
            public void onPayload(PayloadChunk chunk) {
                super.onPayload(chunk);
                assertThatThrownBy(chunk::unmasked).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(() -> chunk.copyTo(ByteBuffer.allocate(2))).isInstanceOf(IllegalStateException.class);
                kept[0] = chunk;
            }
        });
        assertThatThrownBy(() -> kept[0].copyTo(ByteBuffer.allocate(2))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aChunkDoesNotOverflowItsDestination() {
        byte[] masked = hex("82 85 37 fa 21 3d 7f 9f 4d 51 58");
        assertThatThrownBy(() -> readAll(ByteBuffer.wrap(masked), new ParsedFrame.Recorder() {
            @Override
            public void onPayload(PayloadChunk chunk) {
                chunk.copyTo(ByteBuffer.allocate(4));
            }
        })).isInstanceOf(BufferOverflowException.class);
    }

    /** The same bytes in a heap, a direct and a read-only buffer, each behind a byte of something else. */
    private static List<ByteBuffer> inputsHolding(byte[] bytes) {
        ByteBuffer heap = ByteBuffer.allocate(bytes.length + 1).put((byte) 0).put(bytes).position(1).slice();
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length + 1).put((byte) 0).put(bytes).position(1).slice();
        return List.of(heap, direct, ByteBuffer.wrap(bytes.clone()).asReadOnlyBuffer());
    }

    private static void readAll(ByteBuffer in, FrameReader.FrameConsumer consumer) {
        readAll(in, new FrameReader(), consumer);
    }

    private static void readAll(ByteBuffer in, FrameReader reader, FrameReader.FrameConsumer consumer) {
        while (reader.read(in, consumer)) {
            // read all
        }
    }

    @Test
    void keepsTheMaskPhaseAcrossChunksOfEverySize() {
        byte[] payload = new byte[1000];
        Arrays.fill(payload, (byte) 'a');
        byte[] bytes = frame(0x82, payload, RFC_KEY);
        for (int chunk = 1; chunk <= 17; chunk++) {
            for (boolean inPlace : new boolean[] {false, true}) {
                List<ParsedFrame> frames = new ParsedFrame.Recorder(inPlace)
                        .readAll(Partitions.random(bytes, new java.util.Random(chunk), chunk));
                assertThat(frames.get(0).payloadHex())
                        .as("chunks up to %d, in place %s", chunk, inPlace)
                        .isEqualTo("61".repeat(1000));
            }
        }
    }
}
