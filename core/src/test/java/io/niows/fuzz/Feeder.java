package io.niows.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.internal.frame.WireFormat;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;

/**
 * Feeds chunks to a frame decoder or an engine as a reactor does: the bytes a step leaves unconsumed (an
 * incomplete header, never more) are passed again in front of the next chunk.
 */
final class Feeder {

    private Feeder() {}

    /**
     * Feeds every chunk in turn and returns how many bytes were left unconsumed at the end.
     * Whatever {@code step} throws propagates and ends the feeding.
     */
    static int feed(List<byte[]> chunks, BufferKind kind, Consumer<ByteBuffer> step) {
        byte[] leftover = new byte[0];
        for (byte[] chunk : chunks) {
            byte[] joined = new byte[leftover.length + chunk.length];
            System.arraycopy(leftover, 0, joined, 0, leftover.length);
            System.arraycopy(chunk, 0, joined, leftover.length, chunk.length);
            ByteBuffer in = kind.wrap(joined);
            step.accept(in);
            assertThat(in.remaining()).as("bytes left unconsumed: at most an incomplete header")
                    .isLessThan(WireFormat.MAX_HEADER_LENGTH);
            leftover = new byte[in.remaining()];
            in.get(leftover);
        }
        return leftover.length;
    }
}
