package io.niows.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.internal.handshake.HttpError;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Function;

/**
 * What an incremental HTTP head parser made of some bytes fed in chunks.
 *
 * @param parsed the head; null when none
 * @param error the error; null when none
 * @param consumed the bytes consumed: up to the end of the head, or all when more are needed
 * @param summary the head written out in a canonical form with the bytes it took, or the error,
 *     or "need more": equal summaries mean equal outcomes
 */
record HeadOutcome<T>(T parsed, HttpError error, int consumed, String summary) {

    /** One call of a parser. */
    interface Parser<T> {
        /** The head, or null for "need more". */
        T parse(ByteBuffer in) throws HttpError;
    }

    /**
     * Feeds the chunks in turn, checking the contract of every call: "need more" consumes all,
     * and after an error every further call throws the same error.
     */
    static <T> HeadOutcome<T> feed(List<byte[]> chunks, Parser<T> parser, Function<T, String> canonical) {
        int consumed = 0;
        try {
            for (byte[] chunk : chunks) {
                ByteBuffer in = ByteBuffer.wrap(chunk);
                T head = parser.parse(in);
                consumed += in.position();
                if (head != null) {
                    return new HeadOutcome<>(head, null, consumed, "head of " + consumed + " bytes: " + canonical.apply(head));
                }
                assertThat(in.hasRemaining()).as("\"need more\" consumed everything").isFalse();
            }
            return new HeadOutcome<>(null, null, consumed, "need more after " + consumed + " bytes");
        } catch (HttpError error) {
            assertThat(error.status()).isBetween(400, 599);
            assertThatThrownBy(() -> parser.parse(ByteBuffer.allocate(1))).as("the error again").isSameAs(error);
            return new HeadOutcome<>(null, error, consumed, "error " + error.status() + " " + error.reason());
        }
    }
}
