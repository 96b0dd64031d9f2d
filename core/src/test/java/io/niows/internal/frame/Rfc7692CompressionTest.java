package io.niows.internal.frame;

import static io.niows.protocol.TestFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * permessage-deflate in the codec (RFC 7692 §7.2): the §7.2.3 examples as golden vectors both
 * ways and in every split, the RSV1 rules of §6, the limits applied to inflated bytes, and the
 * windows under 15 bits checked distance by distance.
 */
class Rfc7692CompressionTest {

    private static final byte[] HELLO = "Hello".getBytes(StandardCharsets.US_ASCII);

    /** A §7.2.3 example: server frames (unmasked) that a client decodes to the messages. */
    record Example(String name, byte[] bytes, boolean peerKeepsContext, List<String> messages) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Example> examples() {
        return List.of(
                new Example("7.2.3.1 one frame", hex("c1 07 f2 48 cd c9 c9 07 00"), false, List.of("Hello")),
                new Example("7.2.3.1 two fragments", hex("41 03 f2 48 cd 80 04 c9 c9 07 00"), false,
                        List.of("Hello")),
                new Example("7.2.3.2 sharing the window", hex("c1 07 f2 48 cd c9 c9 07 00 c1 05 f2 00 11 00 00"),
                        true, List.of("Hello", "Hello")),
                new Example("7.2.3.3 no compression", hex("c1 0b 00 05 00 fa ff 48 65 6c 6c 6f 00"), false,
                        List.of("Hello")),
                new Example("7.2.3.4 BFINAL set", hex("c1 08 f3 48 cd c9 c9 07 00 00"), false, List.of("Hello")),
                new Example("7.2.3.5 two DEFLATE blocks", hex("c1 0d f2 48 05 00 00 00 ff ff ca c9 c9 07 00"), false,
                        List.of("Hello")),
                new Example("BFINAL then a new stream", hex("c1 08 f3 48 cd c9 c9 07 00 00 c1 07 f2 48 cd c9 c9 07 00"),
                        true, List.of("Hello", "Hello")),
                new Example("empty message", hex("c1 01 00"), false, List.of("")));
    }

    static Stream<Object[]> examplesInEverySplit() {
        return examples().stream().flatMap(e -> Partitions.everyThreeWay(e.bytes()).stream()
                .map(chunks -> new Object[] {e, chunks}));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void decodesEachExample(Example example) {
        assertThat(decode(example.peerKeepsContext(), List.of(example.bytes()))).isEqualTo(example.messages());
    }

    @ParameterizedTest
    @MethodSource("examplesInEverySplit")
    void decodesEachExampleInEveryThreeWaySplit(Example example, List<byte[]> chunks) {
        assertThat(decode(example.peerKeepsContext(), chunks)).isEqualTo(example.messages());
    }

    @Test
    void compressesHelloAsTheRfcDoes() {
        MessageDeflater independent = MessageDeflater.independent(6, 15);
        assertThat(bytes(independent.compress(ByteBuffer.wrap(HELLO)))).isEqualTo(hex("f2 48 cd c9 c9 07 00"));
        assertThat(bytes(independent.compress(ByteBuffer.wrap(HELLO)))).isEqualTo(hex("f2 48 cd c9 c9 07 00"));
    }

    @Test
    void compressesTheSecondHelloAgainstTheFirstWithContextTakeover() {
        MessageDeflater context = MessageDeflater.withContext(6, 15);
        assertThat(bytes(context.compress(ByteBuffer.wrap(HELLO)))).isEqualTo(hex("f2 48 cd c9 c9 07 00"));
        assertThat(bytes(context.compress(ByteBuffer.wrap(HELLO)))).isEqualTo(hex("f2 00 11 00 00"));
        context.resetContext();
        assertThat(bytes(context.compress(ByteBuffer.wrap(HELLO)))).isEqualTo(hex("f2 48 cd c9 c9 07 00"));
        context.end();
    }

    @Test
    void compressesAnEmptyMessageToOneZeroByte() {
        assertThat(bytes(MessageDeflater.independent(6, 15).compress(ByteBuffer.allocate(0)))).isEqualTo(hex("00"));
    }

    @Test
    void leavesTheMessageBufferWhereItWas() {
        ByteBuffer message = ByteBuffer.wrap(text(10_000, 1));
        MessageDeflater.independent(6, 9).compress(message);
        assertThat(message.position()).isZero();
        assertThat(message.remaining()).isEqualTo(10_000);
    }

    static IntStream windows() {
        return IntStream.rangeClosed(8, 15);
    }

    @ParameterizedTest
    @MethodSource("windows")
    void neverRefersFurtherBackThanTheAgreedWindow(int bits) {
        byte[] message = text(200_000, bits);
        for (MessageDeflater deflater : List.of(MessageDeflater.independent(9, bits),
                MessageDeflater.withContext(9, bits))) {
            byte[] previous = new byte[0];
            for (int round = 0; round < 3; round++) {
                byte[] stream = concat(bytes(deflater.compress(ByteBuffer.wrap(message))), hex("00 00 ff ff"));
                // With context, a message's stream continues the earlier ones: walk them together.
                byte[] walked = deflater.isIndependent() ? stream : concat(previous, stream);
                DeflateStreamWalker.Result result = DeflateStreamWalker.walk(walked);
                assertThat(result.maxDistance()).isLessThanOrEqualTo(1 << bits);
                assertThat(Arrays.copyOfRange(result.output(), result.output().length - message.length,
                        result.output().length)).isEqualTo(message);
                previous = walked;
            }
            deflater.end();
        }
    }

    @Test
    void aSmallWindowCostsRatioOnlyOnMessagesLongerThanIt() {
        byte[] message = text(200_000, 3);
        int full = MessageDeflater.independent(6, 15).compress(ByteBuffer.wrap(message)).remaining();
        int small = MessageDeflater.independent(6, 9).compress(ByteBuffer.wrap(message)).remaining();
        byte[] shortMessage = Arrays.copyOf(message, 400);
        assertThat(small).isGreaterThan(full);
        assertThat(MessageDeflater.independent(6, 9).compress(ByteBuffer.wrap(shortMessage)).remaining())
                .isEqualTo(MessageDeflater.independent(6, 15).compress(ByteBuffer.wrap(shortMessage)).remaining());
    }

    @Test
    void roundTripsMessagesOfManySizesThroughTheDecoder() {
        Random random = new Random(7692);
        MessageDeflater deflater = MessageDeflater.withContext(6, 15);
        List<byte[]> frames = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        for (int size : new int[] {0, 1, 100, 4096, 70_000, 300_000}) {
            String message = new String(text(size, random.nextInt()), StandardCharsets.US_ASCII);
            sent.add(message);
            ByteBuffer payload = deflater.compress(ByteBuffer.wrap(message.getBytes(StandardCharsets.US_ASCII)));
            frames.add(bytes(new FrameEncoder(false, () -> 0).encode(WireFormat.OPCODE_TEXT | WireFormat.B0_FLAG_RSV1,
                    true, payload)));
        }
        byte[] wire = frames.stream().reduce(new byte[0], Rfc7692CompressionTest::concat);
        List<byte[]> chunks = new ArrayList<>();
        for (int at = 0; at < wire.length; at += 1000) {
            chunks.add(Arrays.copyOfRange(wire, at, Math.min(wire.length, at + 1000)));
        }
        assertThat(decode(true, chunks)).isEqualTo(sent);
    }

    @Test
    void rsv1OnAContinuationFrameIs1002() {
        assertViolation(hex("41 03 f2 48 cd c0 04 c9 c9 07 00"), 1002, "continuation");
    }

    @Test
    void rsv1OnAControlFrameIs1002() {
        assertViolation(hex("c9 00"), 1002, "control frame");
    }

    @Test
    void rsv2OrRsv3IsStill1002() {
        assertViolation(hex("a1 01 00"), 1002, "reserved bits");
        assertViolation(hex("91 01 00"), 1002, "reserved bits");
    }

    @Test
    void rsv1WithoutTheExtensionIs1002() {
        FrameDecoder plain = new FrameDecoder(false, 1 << 20, 1 << 20, new Collected());
        assertThatThrownBy(() -> plain.decode(ByteBuffer.wrap(hex("c1 07 f2 48 cd c9 c9 07 00"))))
                .isInstanceOf(ProtocolViolation.class)
                .satisfies(e -> assertThat(((ProtocolViolation) e).closeCode()).isEqualTo(1002));
    }

    @Test
    void bytesThatAreNotDeflateAre1007() {
        assertViolation(hex("c1 03 ff ff ff"), 1007, "compressed");
    }

    @Test
    void invalidUtf8InsideACompressedTextMessageIs1007() {
        byte[] bad = concat("caf".getBytes(StandardCharsets.US_ASCII), hex("c3 28"));
        ByteBuffer payload = MessageDeflater.independent(6, 15).compress(ByteBuffer.wrap(bad));
        byte[] frame = bytes(new FrameEncoder(false, () -> 0).encode(0x41, true, payload));
        assertViolation(frame, 1007, "UTF-8");
    }

    @Test
    void aMessageOverTheLimitOnceInflatedIs1009AndNothingPastTheLimitIsHeld() {
        byte[] zeros = new byte[1 << 20];
        ByteBuffer payload = MessageDeflater.independent(9, 15).compress(ByteBuffer.wrap(zeros));
        assertThat(payload.remaining()).isLessThan(2048);
        byte[] frame = bytes(new FrameEncoder(false, () -> 0).encode(0x42, true, payload));
        FrameDecoder decoder = new FrameDecoder(false, 1 << 20, 64 * 1024, new Collected(),
                new MessageInflater(ZlibPool.inflaters(), false));
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(frame)))
                .isInstanceOf(ProtocolViolation.class)
                .satisfies(e -> assertThat(((ProtocolViolation) e).closeCode()).isEqualTo(1009));
        assertThat(decoder.heldBytes()).isLessThanOrEqualTo(64 * 1024);
    }

    @Test
    void aMessageExactlyAtTheLimitOnceInflatedIsDelivered() {
        byte[] zeros = new byte[64 * 1024];
        ByteBuffer payload = MessageDeflater.independent(9, 15).compress(ByteBuffer.wrap(zeros));
        byte[] frame = bytes(new FrameEncoder(false, () -> 0).encode(0x42, true, payload));
        Collected events = new Collected();
        new FrameDecoder(false, 1 << 20, 64 * 1024, events, new MessageInflater(ZlibPool.inflaters(), false))
                .decode(ByteBuffer.wrap(frame));
        assertThat(events.binary).singleElement().satisfies(b -> assertThat(b).isEqualTo(zeros));
    }

    @Test
    void anInflaterBorrowedForAMessageGoesBackToThePoolAtItsEnd() {
        ZlibPool<Inflater> pool = ZlibPool.inflaters();
        Inflater first = pool.take();
        pool.give(first);
        Collected events = new Collected();
        FrameDecoder decoder = new FrameDecoder(false, 1 << 20, 1 << 20, events, new MessageInflater(pool, false));
        decoder.decode(ByteBuffer.wrap(hex("41 03 f2 48 cd")));
        assertThat(pool.take()).isNotSameAs(first);
        decoder.decode(ByteBuffer.wrap(hex("80 04 c9 c9 07 00")));
        assertThat(pool.take()).isSameAs(first);
        assertThat(events.text).containsExactly("Hello");
    }

    private static void assertViolation(byte[] frames, int code, String reasonPart) {
        FrameDecoder decoder = new FrameDecoder(false, 1 << 20, 1 << 20, new Collected(),
                new MessageInflater(ZlibPool.inflaters(), false));
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(frames)))
                .isInstanceOf(ProtocolViolation.class)
                .hasMessageContaining(reasonPart)
                .satisfies(e -> assertThat(((ProtocolViolation) e).closeCode()).isEqualTo(code));
    }

    /** Decodes chunks as a transport does: the unconsumed bytes of a header go again before the next chunk. */
    private static List<String> decode(boolean peerKeepsContext, List<byte[]> chunks) {
        Collected events = new Collected();
        FrameDecoder decoder = new FrameDecoder(false, 1 << 24, 1 << 24, events,
                new MessageInflater(ZlibPool.inflaters(), peerKeepsContext));
        byte[] pending = new byte[0];
        for (byte[] chunk : chunks) {
            ByteBuffer in = ByteBuffer.wrap(concat(pending, chunk));
            decoder.decode(in);
            pending = bytes(in);
        }
        assertThat(pending).isEmpty();
        return events.text;
    }

    /** ASCII text that compresses as prose does: words from a small vocabulary, seeded. */
    static byte[] text(int size, int seed) {
        String[] words = {"the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "websocket", "frame",
            "deflate", "window", "message", "server", "client", "{\"id\":", "\"name\":", "<div>", "</div>"};
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder(size + 16);
        while (out.length() < size) {
            out.append(words[random.nextInt(words.length)]).append(random.nextInt(10) == 0 ? random.nextInt(1000) : "")
                    .append(' ');
        }
        out.setLength(size);
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** What a decoder reported. */
    static final class Collected implements FrameEvents {
        final List<String> text = new ArrayList<>();
        final List<byte[]> binary = new ArrayList<>();

        @Override
        public void onText(String message) {
            text.add(message);
        }

        @Override
        public void onBinary(ByteBuffer data) {
            binary.add(bytes(data));
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
}
