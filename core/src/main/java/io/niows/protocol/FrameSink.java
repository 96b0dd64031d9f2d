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

    /**
     * Takes an automatic pong. RFC 6455 §5.5.3: "If an endpoint receives a Ping frame and has not
     * yet sent Pong frame(s) in response to previous Ping frame(s), the endpoint MAY elect to
     * send a Pong frame for only the most recently processed Ping frame." A sink whose output is
     * backed up may therefore replace a pong it has not sent yet by this one; by default the
     * pong is written as any frame.
     *
     * @param frame the pong's bytes, from position to limit; owned by the sink from now on
     */
    default void writePong(ByteBuffer frame) {
        write(frame);
    }
}
