package io.niows.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.bench.load.ClientFrameWriter;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrafficTest {

    /** A client frame read back: FIN, opcode, unmasked payload, and where it ends in the wire. */
    private record Sent(boolean fin, int opcode, byte[] payload, int end) {
    }

    /** Parses masked client frames (RFC 6455 §5.2, §5.3). */
    private static List<Sent> parse(byte[] wire) {
        ByteBuffer in = ByteBuffer.wrap(wire);
        List<Sent> frames = new ArrayList<>();
        while (in.hasRemaining()) {
            int b0 = in.get() & 0xFF;
            int b1 = in.get() & 0xFF;
            assertThat(b1 & 0x80).as("mask bit").isEqualTo(0x80);
            long length = b1 & 0x7F;
            length = length == 126 ? in.getShort() & 0xFFFF : length == 127 ? in.getLong() : length;
            byte[] key = new byte[4];
            in.get(key);
            byte[] payload = new byte[(int) length];
            in.get(payload);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= key[i & 3];
            }
            frames.add(new Sent((b0 & 0x80) != 0, b0 & 0x0F, payload, in.position()));
        }
        return frames;
    }

    @Test
    void fragmentsReassembleToTheMessageWithThePingsWhereTheWireSaysTheyAre() {
        SplittableRandom random = new SplittableRandom(7);
        int fragmented = 0;
        int pinged = 0;
        for (int n = 0; n < 500; n++) {
            Traffic.Message m = Traffic.message(random);
            Traffic.Wire wire = Traffic.wire(m, random);
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            List<byte[]> pings = new ArrayList<>();
            List<Integer> pingEnds = new ArrayList<>();
            List<Sent> frames = parse(wire.bytes());
            List<Sent> dataFrames = new ArrayList<>();
            for (Sent f : frames) {
                if (f.opcode() == ClientFrameWriter.OP_PING) {
                    assertThat(f.fin()).isTrue();
                    pings.add(f.payload());
                    pingEnds.add(f.end());
                } else {
                    dataFrames.add(f);
                    data.writeBytes(f.payload());
                }
            }
            assertThat(dataFrames.get(0).opcode()).isEqualTo(m.opcode());
            for (int i = 0; i < dataFrames.size(); i++) {
                assertThat(dataFrames.get(i).fin()).isEqualTo(i == dataFrames.size() - 1);
                assertThat(dataFrames.get(i).opcode()).isEqualTo(i == 0 ? m.opcode() : ClientFrameWriter.OP_CONTINUATION);
            }
            assertThat(data.toByteArray()).isEqualTo(m.payload());
            assertThat(wire.pings()).containsExactlyElementsOf(pings);
            assertThat(wire.pingEnds()).containsExactly(pingEnds.stream().mapToInt(Integer::intValue).toArray());
            assertThat(wire.messageEnd()).isEqualTo(dataFrames.get(dataFrames.size() - 1).end());
            fragmented += dataFrames.size() > 1 ? 1 : 0;
            pinged += pings.isEmpty() ? 0 : 1;
        }
        assertThat(fragmented).isBetween(150, 350);
        assertThat(pinged).isPositive();
    }

    @Test
    void pingsWithinCountOnlyPingsSentInFull() {
        Traffic.Wire wire = new Traffic.Wire(new byte[30], List.of(new byte[] {1}, new byte[] {2}), new int[] {10, 20}, 30);
        assertThat(wire.pingsWithin(9)).isEmpty();
        assertThat(wire.pingsWithin(10)).hasSize(1);
        assertThat(wire.pingsWithin(19)).hasSize(1);
        assertThat(wire.pingsWithin(30)).hasSize(2);
    }

    @Test
    void textIsValidUtf8OfExactlyTheSizeAskedWithEveryLengthOfSequence() throws CharacterCodingException {
        SplittableRandom random = new SplittableRandom(3);
        for (int size : new int[] {0, 1, 2, 3, 4, 5, 125, 126, 4096, 65536}) {
            byte[] text = Traffic.utf8(random, size);
            assertThat(text).hasSize(size);
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(text));
        }
        byte[] large = Traffic.utf8(random, 65536);
        String s = new String(large, StandardCharsets.UTF_8);
        assertThat(s.codePoints().filter(cp -> cp >= 0x80 && cp < 0x800)).isNotEmpty();
        assertThat(s.codePoints().filter(cp -> cp >= 0x800 && cp < 0x10000)).isNotEmpty();
        assertThat(s.codePoints().filter(cp -> cp >= 0x10000)).isNotEmpty();
    }

    @Test
    void messagesAreTextAndBinaryFromEmptyTo64KiB() {
        SplittableRandom random = new SplittableRandom(11);
        int text = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int n = 0; n < 1000; n++) {
            Traffic.Message m = Traffic.message(random);
            text += m.opcode() == ClientFrameWriter.OP_TEXT ? 1 : 0;
            min = Math.min(min, m.payload().length);
            max = Math.max(max, m.payload().length);
        }
        assertThat(text).isBetween(400, 600);
        assertThat(min).isZero();
        assertThat(max).isEqualTo(Traffic.MAX_MESSAGE);
    }
}
