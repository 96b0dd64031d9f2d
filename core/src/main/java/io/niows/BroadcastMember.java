package io.niows;

import io.niows.protocol.SendResult;
import io.niows.protocol.SharedMessage;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * What the broadcaster needs of a connection beyond the public {@link WebSocket}: queue bytes
 * encoded once for many, and hear when the connection closes. Every connection a niows server or
 * client hands out is one ({@link Session}).
 *
 * <p>Thread-safe: every method may be called from any thread.
 */
interface BroadcastMember extends WebSocket {

    /**
     * Queues an already encoded frame, shared read-only with other members, unless the
     * connection is closing ({@link SendResult#REFUSED_CLOSED}) or in the middle of a fragmented
     * message of its own ({@link SendResult#REFUSED_BUSY}).
     *
     * @param frame a view of the shared bytes that this member alone consumes
     */
    SendResult sendEncoded(ByteBuffer frame);

    /** The frame of {@code message} that fits this member: plain, or compressed as it agreed. */
    ByteBuffer frameOf(SharedMessage message);

    /** Runs {@code listener} once when the connection closes, or at once if it already has. */
    void onClosed(Consumer<WebSocket> listener);

    /** Withdraws one registration of {@code listener} made with {@link #onClosed}, if any is left. */
    void removeOnClosed(Consumer<WebSocket> listener);

    /**
     * Counts, in the metrics of this member's server or client, that a broadcaster closed it for
     * being over its limit ({@code evicted}) or skipped a message for it.
     *
     * @param evicted whether it was closed (else skipped)
     * @param queuedBytes the bytes it had queued when the broadcaster looked
     */
    void countBroadcastOverflow(boolean evicted, long queuedBytes);

    /** Whether frames this member sends are masked (then shared server frames do not fit it). */
    boolean masksFrames();
}
