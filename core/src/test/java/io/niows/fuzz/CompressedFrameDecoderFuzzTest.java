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
 * close code (but for a stream both corrupt and over the limit, which may end either way); nothing over the message limit is delivered, however far the data would inflate;
 * and allocation stays in proportion to the input, the messages delivered and the limits.
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
        assertThat(chunked.events()).as("the same bytes in chunks").isEqualTo(whole.events());
        if (chunked.violation() != whole.violation()) {
            // A stream both corrupt and too large: which zlib meets first depends on the input it has.
            assertThat(List.of(chunked.violation(), whole.violation())).as("the same bytes in chunks")
                    .containsOnly(1007, 1009);
        } else {
            assertThat(chunked).as("the same bytes in chunks").isEqualTo(whole);
        }

        long before = Allocations.byCurrentThread();
        decode(expectMasked, limits, peerKeepsContext, List.of(input.payload()), BufferKind.HEAP);
        // A few bytes may inflate to a whole message: each delivered one may cost its buffer's
        // growth (at most doubling to the limit) and its delivery, on top of the plain allowance.
        long perMessage = 3 * limits.maxMessageSize() + 8192;
        assertThat(Allocations.byCurrentThread() - before).as("bytes allocated")
                .isLessThanOrEqualTo(limits.allocationAllowance(input.payload(), 1024)
                        + (whole.events().size() + 1) * perMessage);

        whole.events().forEach(limits::checkDelivered);
    }

    /**
     * What a decoder made of some bytes: the events, then the violation's close code (0 for none)
     * or the bytes left over. Not the violation's text: zlib inflates as far as the input it has
     * allows, so cut into chunks a stream can show invalid UTF-8 before zlib meets the bad code
     * that, given the whole stream at once, it reports first (both 1007), or pass the message
     * limit before it (1009 for 1007).
     */
    record Outcome(List<Event> events, int violation, int leftover) {}

    private static Outcome decode(boolean expectMasked, SizeLimits limits, boolean peerKeepsContext,
            List<byte[]> chunks, BufferKind kind) {
        EventLog log = new EventLog();
        FrameDecoder decoder = new FrameDecoder(expectMasked, limits.maxFrameSize(), limits.maxMessageSize(), log,
                new MessageInflater(POOL, peerKeepsContext));
        try {
            int leftover = Feeder.feed(chunks, kind, decoder::decode);
            return new Outcome(log.events, 0, leftover);
        } catch (ProtocolViolation violation) {
            assertThat(violation.closeCode()).isIn(1002, 1007, 1009);
            assertThat(violation.getMessage().length()).as("reason fits a close frame")
                    .isLessThanOrEqualTo(WireFormat.MAX_CLOSE_REASON);
            return new Outcome(log.events, violation.closeCode(), 0);
        } finally {
            decoder.stop();
        }
    }
}
