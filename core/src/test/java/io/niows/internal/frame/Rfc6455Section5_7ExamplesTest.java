package io.niows.internal.frame;

import static io.niows.protocol.TestFrames.RFC_KEY;
import static io.niows.protocol.TestFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.niows.protocol.EngineHarness;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 6455 §5.7 "Examples", as golden vectors in both directions: parse(bytes) == frames and
 * encode(frames) == bytes, for every way the bytes may be cut by the network.
 */
class Rfc6455Section5_7ExamplesTest {

    private static final String HELLO = "48656c6c6f";

    /** One §5.7 example: its bytes and the frames they hold. */
    record Example(String name, byte[] bytes, List<ParsedFrame> frames) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Example> examples() {
        byte[] b256 = pattern(256);
        byte[] b64k = pattern(65536);
        return List.of(
                new Example("single-frame unmasked text", hex("81 05 48 65 6c 6c 6f"),
                        List.of(frame(0x81, false, 5, 0, HELLO))),
                new Example("single-frame masked text", hex("81 85 37 fa 21 3d 7f 9f 4d 51 58"),
                        List.of(frame(0x81, true, 5, RFC_KEY, HELLO))),
                new Example("fragmented unmasked text", hex("01 03 48 65 6c 80 02 6c 6f"),
                        List.of(frame(0x01, false, 3, 0, "48656c"), frame(0x80, false, 2, 0, "6c6f"))),
                new Example("unmasked ping", hex("89 05 48 65 6c 6c 6f"),
                        List.of(frame(0x89, false, 5, 0, HELLO))),
                new Example("masked pong", hex("8a 85 37 fa 21 3d 7f 9f 4d 51 58"),
                        List.of(frame(0x8a, true, 5, RFC_KEY, HELLO))),
                new Example("256-byte binary, 16-bit length", concat(hex("82 7E 01 00"), b256),
                        List.of(frame(0x82, false, 256, 0, HexFormat.of().formatHex(b256)))),
                new Example("64KiB binary, 64-bit length", concat(hex("82 7F 00 00 00 00 00 01 00 00"), b64k),
                        List.of(frame(0x82, false, 65536, 0, HexFormat.of().formatHex(b64k)))));
    }

    static Stream<Example> shortExamples() {
        return examples().stream().filter(e -> e.bytes().length < 32);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void parsesTheExampleBytesIntoTheExampleFrames(Example example) {
        List<ParsedFrame> parsed = new ParsedFrame.Recorder().readAll(List.of(example.bytes()));
        assertThat(parsed).isEqualTo(example.frames());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void encodesTheExampleFramesIntoTheExampleBytes(Example example) {
        ByteBuffer out = ByteBuffer.allocate(example.bytes().length);
        for (ParsedFrame f : example.frames()) {
            FrameHeader h = f.header();
            int key = h.maskingKey();
            FrameEncoder encoder = new FrameEncoder(h.masked(), () -> key);
            ByteBuffer payload = ByteBuffer.wrap(HexFormat.of().parseHex(f.payloadHex()));
            assertThat(encoder.encode(h.opcode(), h.fin(), payload, out)).isTrue();
        }
        assertThat(out.flip()).isEqualTo(ByteBuffer.wrap(example.bytes()));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyCutIntoTwoChunksParsesTheSame(Example example) {
        byte[] bytes = example.bytes();
        IntStream points = bytes.length < 300 ? IntStream.rangeClosed(0, bytes.length)
                : IntStream.concat(IntStream.rangeClosed(0, 20),
                        IntStream.iterate(21, i -> i < bytes.length, i -> i + 4099));
        for (List<byte[]> chunks : Partitions.twoWay(bytes, points)) {
            assertThat(new ParsedFrame.Recorder().readAll(chunks))
                    .as("cut after %d bytes", chunks.get(0).length).isEqualTo(example.frames());
        }
    }

    @ParameterizedTest
    @MethodSource("shortExamples")
    void everyCutIntoThreeChunksParsesTheSame(Example example) {
        for (List<byte[]> chunks : Partitions.everyThreeWay(example.bytes())) {
            assertThat(new ParsedFrame.Recorder().readAll(chunks))
                    .as("cut after %d and %d bytes", chunks.get(0).length, chunks.get(0).length + chunks.get(1).length)
                    .isEqualTo(example.frames());
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void byteByByteParsesTheSame(Example example) {
        assertThat(new ParsedFrame.Recorder().readAll(Partitions.byteByByte(example.bytes())))
                .isEqualTo(example.frames());
    }

    @ParameterizedTest
    @MethodSource("shortExamples")
    void everyCutDeliversTheSameEventsThroughTheEngine(Example example) {
        boolean masked = example.frames().get(0).header().masked();
        for (List<byte[]> chunks : Partitions.everyThreeWay(example.bytes())) {
            EngineHarness harness = masked ? EngineHarness.server() : EngineHarness.client();
            harness.receive(chunks.toArray(new byte[0][]));
            assertThat(harness.events()).as("cut %s", sizes(chunks)).containsExactlyElementsOf(expectedEvents(example));
        }
    }

    private static List<String> expectedEvents(Example example) {
        return switch (example.name()) {
            case "unmasked ping" -> List.of("ping:" + HELLO);
            case "masked pong" -> List.of("pong:" + HELLO);
            default -> List.of("text:Hello");
        };
    }

    private static List<Integer> sizes(List<byte[]> chunks) {
        List<Integer> sizes = new ArrayList<>();
        chunks.forEach(c -> sizes.add(c.length));
        return sizes;
    }

    private static ParsedFrame frame(int byte0, boolean masked, long length, int key, String payloadHex) {
        return new ParsedFrame(new FrameHeader(byte0, masked, length, key), payloadHex);
    }

    private static byte[] pattern(int n) {
        byte[] b = new byte[n];
        Arrays.setAll(new int[n], i -> b[i] = (byte) (i * 31 + 7));
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return io.niows.protocol.TestFrames.concat(a, b);
    }
}
