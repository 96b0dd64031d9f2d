package io.niows.bench.load;

import java.io.IOException;

/**
 * What a workload does on the load tool's connections: the loop calls it on its own thread.
 *
 * <p>Implementations are shared by all loops of a round, so they are thread-safe: per-connection
 * state lives in {@link ClientConnection}, per-loop figures in {@link LoadLoop}.
 */
interface Behavior {

    /** The path to upgrade on. */
    String path();

    /** The round entered {@link RunControl#WARMUP}: start traffic on an upgraded connection. */
    void start(LoadLoop loop, ClientConnection c);

    /** One frame arrived on {@code c}. */
    void onFrame(LoadLoop loop, ClientConnection c, int opcode, long length, long word0, long word1)
            throws IOException;

    /** Called once per loop iteration, before the loop waits on its selector. */
    default void tick(LoadLoop loop) throws IOException {
    }
}
