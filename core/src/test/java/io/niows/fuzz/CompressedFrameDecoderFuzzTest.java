package io.niows.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.niows.internal.frame.FrameDecoder;
import io.niows.internal.frame.MessageInflater;
import io.niows.internal.frame.ProtocolViolation;
import io.niows.internal.frame.WireFormat;
import io.niows.internal.frame.ZlibPool;
import java.util.List;
import java.util.zip.Inflater;

/**
 * Coverage-guided fuzzing of {@link FrameDecoder} with permessage-deflate agreed (RFC 7692):
 * whatever the bytes, compressed or not, only a {@link ProtocolViolation} escapes (1002 for RSV
 * bits where they may not be, 1007 for data that does not inflate or is not UTF-8, 1009 past the
 * limits); the same bytes in any chunks and buffer kind give the same events and the same
 * violation; nothing over the message limit is delivered, however far the data would inflate;
 * and allocation stays in proportion to the input and the limits.
 *
 * <p>Settings byte ({@link FuzzInput}): bit 0 the role (0 server, expecting masked frames; 1
 * client), bits 1-3 the {@link SizeLimits}, bits 4-5 the {@link BufferKind} of the chunked run,
 * bit 6 whether the peer keeps its compression context across messages. Without {@code
 * JAZZER_FUZZ} set, this runs the committed inputs only.
 */
class CompressedFrameDecoderFuzzTest {

    private static final ZlibPool<Inflater> POOL = ZlibPool.inflaters();

    @FuzzTest
    void decode(byte[] data) {
        FuzzInput input = FuzzInput.parse(data);
        boolean expectMasked = input.setting(0, 1) == 0;
        SizeLimits limits = SizeLimits.of(input.setting(1, 3));
        boolean peerKeepsContext = input.setting(6, 1) == 1;

        Outcome whole = decode(expectMasked, limits, peerKeepsContext, List.of(input.payload()), BufferKind.HEAP);
        Outcome chunked = decode(expectMasked, limits, peerKeepsContext, input.chunks(),
                BufferKind.of(input.setting(4, 2)));
        assertThat(chunked).as("the same bytes in chunks").isEqualTo(whole);

        long before = Allocations.byCurrentThread();
        decode(expectMasked, limits, peerKeepsContext, List.of(input.payload()), BufferKind.HEAP);
        assertThat(Allocations.byCurrentThread() - before).as("bytes allocated")
                .isLessThanOrEqualTo(limits.allocationAllowance(input.payload(), 1024));

        whole.events().forEach(limits::checkDelivered);
    }

    /** What a decoder made of some bytes: the events, then the violation or the bytes left over. */
    record Outcome(List<Event> events, String violation, int leftover) {}

    private static Outcome decode(boolean expectMasked, SizeLimits limits, boolean peerKeepsContext,
            List<byte[]> chunks, BufferKind kind) {
        EventLog log = new EventLog();
        FrameDecoder decoder = new FrameDecoder(expectMasked, limits.maxFrameSize(), limits.maxMessageSize(), log,
                new MessageInflater(POOL, peerKeepsContext));
        try {
            int leftover = Feeder.feed(chunks, kind, decoder::decode);
            return new Outcome(log.events, null, leftover);
        } catch (ProtocolViolation violation) {
            assertThat(violation.closeCode()).isIn(1002, 1007, 1009);
            assertThat(violation.getMessage().length()).as("reason fits a close frame")
                    .isLessThanOrEqualTo(WireFormat.MAX_CLOSE_REASON);
            return new Outcome(log.events, violation.closeCode() + " " + violation.getMessage(), 0);
        } finally {
            decoder.stop();
        }
    }
}
