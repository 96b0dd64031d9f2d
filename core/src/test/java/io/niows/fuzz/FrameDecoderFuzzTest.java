package io.niows.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.niows.internal.frame.FrameDecoder;
import io.niows.internal.frame.FrameEncoder;
import io.niows.internal.frame.ProtocolViolation;
import io.niows.internal.frame.WireFormat;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Coverage-guided fuzzing of {@link FrameDecoder} (and the {@code FrameReader} under it) in both
 * roles, a server's (expecting masked frames) and a client's: whatever the bytes, only a {@link ProtocolViolation} escapes; the same bytes in any
 * chunks and any buffer kind give the same events and the same violation; nothing over the size
 * limits is delivered or allocated; and every input the decoder accepts re-encodes with
 * {@link FrameEncoder} to the same frames, and its messages to frames that decode to the same
 * messages.
 *
 * <p>Settings byte ({@link FuzzInput}): bit 0 the role (0 server, expecting masked frames; 1
 * client, expecting unmasked ones), bits 1-3 the {@link SizeLimits}, bits 4-5 the {@link BufferKind} of the chunked run.
 * Without {@code JAZZER_FUZZ} set, this runs the committed inputs only.
 */
class FrameDecoderFuzzTest {

    /** The masking key of the RFC 6455 §5.7 examples, for the messages encoded again. */
    private static final int RFC_KEY = 0x37fa213d;

    @FuzzTest
    void decode(byte[] data) {
        FuzzInput input = FuzzInput.parse(data);
        boolean expectMasked = input.setting(0, 1) == 0;
        SizeLimits limits = SizeLimits.of(input.setting(1, 3));
        byte[] wire = input.payload();

        Outcome whole = decode(expectMasked, limits, List.of(input.payload()), BufferKind.HEAP);
        Outcome chunked = decode(expectMasked, limits, input.chunks(), BufferKind.of(input.setting(4, 2)));
        assertThat(chunked).as("the same bytes in chunks").isEqualTo(whole);

        // Run again, measured: classes are loaded by now, what remains is the decoder's own.
        long before = Allocations.byCurrentThread();
        decode(expectMasked, limits, List.of(input.payload()), BufferKind.HEAP);
        assertThat(Allocations.byCurrentThread() - before).as("bytes allocated")
                .isLessThanOrEqualTo(limits.allocationAllowance(wire, 512));

        whole.events().forEach(limits::checkDelivered);
        if (whole.violation() == null) {
            checkFramesEncodeAgain(expectMasked, wire);
            checkMessagesEncodeAgain(expectMasked, limits, whole.events());
        }
    }

    /** What a decoder made of some bytes: the events, then the violation or the bytes left over. */
    record Outcome(List<Event> events, String violation, int leftover) {}

    private static Outcome decode(boolean expectMasked, SizeLimits limits, List<byte[]> chunks, BufferKind kind) {
        EventLog log = new EventLog();
        FrameDecoder decoder = new FrameDecoder(expectMasked, limits.maxFrameSize(), limits.maxMessageSize(), log);
        try {
            int leftover = Feeder.feed(chunks, kind, decoder::decode);
            return new Outcome(log.events, null, leftover);
        } catch (ProtocolViolation violation) {
            assertThat(violation.getMessage().length()).as("reason fits a close frame")
                    .isLessThanOrEqualTo(WireFormat.MAX_CLOSE_REASON);
            return new Outcome(log.events, violation.closeCode() + " " + violation.getMessage(), 0);
        }
    }

    /** Each accepted frame, written again by the encoder with its own masking key. */
    private static void checkFramesEncodeAgain(boolean masked, byte[] wire) {
        for (WireFrame frame : WireFrame.read(wire)) {
            FrameEncoder encoder = new FrameEncoder(masked, () -> frame.header().maskingKey());
            ByteBuffer encoded = encoder.encode(frame.header().opcode(), frame.header().fin(),
                    ByteBuffer.wrap(frame.payload()));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            if (frame.hasMinimalLength()) {
                assertThat(bytes).as("the frame encoded again").isEqualTo(frame.wire());
            } else {
                List<WireFrame> again = WireFrame.read(bytes);
                assertThat(again).hasSize(1);
                assertThat(again.get(0).header()).isEqualTo(frame.header());
                assertThat(again.get(0).payload()).isEqualTo(frame.payload());
            }
        }
    }

    /**
     * Every event encoded again as the peer would send it, each message cut into frames no larger
     * than the frame limit, decodes to the same events.
     */
    private static void checkMessagesEncodeAgain(boolean expectMasked, SizeLimits limits, List<Event> events) {
        FrameEncoder peer = new FrameEncoder(expectMasked, () -> RFC_KEY);
        int maxFramePayload = (int) Math.min(limits.maxFrameSize(), Integer.MAX_VALUE);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (Event event : events) {
            ByteBuffer payload = ByteBuffer.wrap(event.payload());
            ByteBuffer frames = event.isControl()
                    ? peer.encode(opcodeOf(event.kind()), true, payload)
                    : peer.encodeFragmented(opcodeOf(event.kind()), payload, maxFramePayload);
            stream.write(frames.array(), frames.arrayOffset() + frames.position(), frames.remaining());
        }
        Outcome again = decode(expectMasked, limits, List.of(stream.toByteArray()), BufferKind.HEAP);
        assertThat(again).as("the messages encoded again").isEqualTo(new Outcome(events, null, 0));
    }

    private static int opcodeOf(Event.Kind kind) {
        return switch (kind) {
            case TEXT -> WireFormat.OPCODE_TEXT;
            case BINARY -> WireFormat.OPCODE_BINARY;
            case PING -> WireFormat.OPCODE_PING;
            case PONG -> WireFormat.OPCODE_PONG;
            case CLOSE -> WireFormat.OPCODE_CLOSE;
        };
    }
}
