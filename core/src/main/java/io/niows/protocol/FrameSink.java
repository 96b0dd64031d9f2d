package io.niows.protocol;

import java.nio.ByteBuffer;

/**
 * Where an engine puts the bytes it wants sent: whole encoded frames, in order.
 *
 * <p>The sink takes ownership of each buffer (its position to limit is the frame). The engine
 * calls it only from the thread that drives the engine.
 */
@FunctionalInterface
public interface FrameSink {

    /**
     * Takes one encoded frame for sending.
     *
     * @param frame the frame's bytes, from position to limit; owned by the sink from now on
     */
    void write(ByteBuffer frame);
}
