package io.niows.protocol;

import static io.niows.protocol.TestFrames.client;
import static io.niows.protocol.TestFrames.concat;
import static io.niows.protocol.TestFrames.frame;
import static io.niows.protocol.TestFrames.utf8;
import static io.niows.protocol.Violations.assertFailedWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.niows.CloseCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 6455 §5.4 fragmentation: assembly, ordering with control frames, and the rules. */
class Rfc6455Section5_4FragmentationTest {

    @Test
    void aContinuationFrameWithNoMessageInProgressFailsWith1002() {
        EngineHarness h = EngineHarness.server().receive(client(0x0, true, utf8("lo")));
        assertFailedWith(h, CloseCode.PROTOCOL_ERROR);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x1, 0x2})
    void aNewDataFrameInsideAFragmentedMessageFailsWith1002(int opcode) {
        EngineHarness h = EngineHarness.server()
                .receive(client(0x1, false, utf8("Hel")), client(opcode, true, utf8("lo")));
        assertFailedWith(h, CloseCode.PROTOCOL_ERROR);
        assertThat(h.events()).isEmpty();
    }

    @Test
    void controlFramesInsideAFragmentedMessageAreDeliveredInOrder() {
        EngineHarness h = EngineHarness.server().receive(concat(
                client(0x1, false, utf8("Hel")),
                client(0x9, true, utf8("p1")),
                client(0x0, false, utf8("l")),
                client(0xA, true, utf8("p2")),
                client(0x0, true, utf8("o"))));
        assertThat(h.events()).containsExactly("ping:7031", "pong:7032", "text:Hello");
        assertThat(h.sentFrames()).containsExactly("pong:7031");
    }

    @Test
    void emptyFragmentsAndAnEmptyMessageAreDelivered() {
        EngineHarness h = EngineHarness.server().receive(concat(
                client(0x2, false, new byte[0]), client(0x0, false, new byte[0]), client(0x0, true, new byte[0]),
                client(0x1, true, new byte[0])));
        assertThat(h.events()).containsExactly("binary:", "text:");
    }

    /** The last fragment brings the whole message after empty ones: it is checked and delivered as a whole one is. */
    @Test
    void aMessageWhoseBytesAllComeInItsLastFragmentIsCheckedAndDelivered() {
        EngineHarness h = EngineHarness.server().receive(concat(
                client(0x1, false, new byte[0]), client(0x0, false, new byte[0]), client(0x0, true, utf8("h\u00e9llo")),
                client(0x2, false, new byte[0]), client(0x0, true, new byte[] {1, 2})));
        assertThat(h.events()).containsExactly("text:h\u00e9llo", "binary:0102");

        EngineHarness invalid = EngineHarness.server().receive(concat(
                client(0x1, false, new byte[0]), client(0x0, true, new byte[] {'a', (byte) 0xC3, 'b'})));
        assertFailedWith(invalid, CloseCode.INVALID_PAYLOAD);
        assertThat(invalid.events()).isEmpty();
    }

    @Test
    void aBinaryMessageInManyFragmentsIsAssembledInOrder() {
        List<byte[]> frames = new ArrayList<>();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            byte[] part = new byte[i % 7];
            Arrays.fill(part, (byte) i);
            expected.append(HexFormat.of().formatHex(part));
            frames.add(client(i == 0 ? 0x2 : 0x0, i == 199, part));
        }
        EngineHarness h = EngineHarness.server().receive(concat(frames.toArray(new byte[0][])));
        assertThat(h.events()).containsExactly("binary:" + expected);
    }

    /** Seeded random sequences of messages, fragmented and interleaved with pings, cut at random. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 6455})
    void randomFrameSequencesCutAtRandomDecodeToTheSameMessages(long seed) {
        Random random = new Random(seed);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        List<String> expected = new ArrayList<>();
        for (int m = 0; m < 25; m++) {
            writeRandomMessage(random, wire, expected);
        }
        byte[] bytes = wire.toByteArray();
        for (int round = 0; round < 4; round++) {
            EngineHarness h = EngineHarness.server();
            int maxChunk = new int[] {3, 100, 5000, 70000}[round];
            int at = 0;
            while (at < bytes.length) {
                int n = Math.min(bytes.length - at, 1 + random.nextInt(maxChunk));
                h.receive(Arrays.copyOfRange(bytes, at, at + n));
                at += n;
            }
            assertThat(h.events()).as("chunks up to %d bytes", maxChunk).containsExactlyElementsOf(expected);
            assertThat(h.sent).as("only pongs").allSatisfy(f -> assertThat(f.get(0) & 0x0F).isEqualTo(0xA));
        }
    }

    private static final int[] LENGTHS = {0, 1, 125, 126, 127, 65535, 65536, 65537};

    private static void writeRandomMessage(Random random, ByteArrayOutputStream wire, List<String> expected) {
        boolean text = random.nextBoolean();
        int length = random.nextInt(3) == 0 ? LENGTHS[random.nextInt(LENGTHS.length)] : random.nextInt(300);
        byte[] payload;
        if (text) {
            String s = randomText(random, length);
            payload = s.getBytes(StandardCharsets.UTF_8);
            expected.add("text:" + s);
        } else {
            payload = new byte[length];
            random.nextBytes(payload);
            expected.add("binary:" + HexFormat.of().formatHex(payload));
        }
        int fragments = 1 + random.nextInt(3);
        int from = 0;
        List<String> pings = new ArrayList<>();
        for (int f = 0; f < fragments; f++) {
            int to = f == fragments - 1 ? payload.length : from + random.nextInt(payload.length - from + 1);
            int opcode = f == 0 ? (text ? 0x1 : 0x2) : 0x0;
            wire.writeBytes(frame((f == fragments - 1 ? 0x80 : 0) | opcode, Arrays.copyOfRange(payload, from, to), random.nextInt()));
            from = to;
            if (f < fragments - 1 && random.nextBoolean()) {
                byte[] ping = new byte[random.nextInt(126)];
                random.nextBytes(ping);
                wire.writeBytes(frame(0x89, ping, random.nextInt()));
                pings.add("ping:" + HexFormat.of().formatHex(ping));
            }
        }
        expected.addAll(expected.size() - 1, pings);
    }

    /** Text of about {@code length} UTF-8 bytes, mixing 1- to 4-byte characters. */
    private static String randomText(Random random, int length) {
        int[] samples = {'a', 'Z', 0xE9, 0x3B1, 0x20AC, 0xFFFD, 0x1F600, 0x10FFFF};
        StringBuilder s = new StringBuilder();
        int bytes = 0;
        while (bytes < length) {
            int cp = samples[random.nextInt(samples.length)];
            s.appendCodePoint(cp);
            bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        }
        return s.toString();
    }
}
