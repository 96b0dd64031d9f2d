package io.niows.internal.frame;

import java.nio.ByteBuffer;

/**
 * The next chunk of a frame's payload as it lies in the input of a {@link FrameReader}, still
 * masked as it came off the wire (RFC 6455 §5.3). Its consumer takes the bytes once, in whichever
 * way fits where they go: {@link #copyTo} unmasks them while copying them out (one pass over the
 * bytes, the input left as it was), {@link #unmasked} unmasks them where they lie and views them
 * (no copy, the input changed).
 *
 * <p>Valid only during the {@link FrameReader.FrameConsumer#onPayload} call that hands it over.
 * Not thread-safe: it belongs to the reader's thread.
 */
public interface PayloadChunk {

    /** {@return the number of payload bytes in this chunk, never 0} */
    int length();

    /**
     * Unmasks the chunk's bytes into {@code dst} from its position, which advances by {@link
     * #length()}; the input is not modified.
     *
     * @throws java.nio.BufferOverflowException if {@code dst} has less room than the chunk
     * @throws IllegalStateException if the chunk's bytes were taken already
     */
    void copyTo(ByteBuffer dst);

    /**
     * Unmasks the chunk's bytes where they lie and returns a view of them, from its position to
     * its limit; a read-only input is not modified, its bytes are unmasked into a new buffer
     * instead.
     *
     * @throws IllegalStateException if the chunk's bytes were taken already
     */
    ByteBuffer unmasked();
}
