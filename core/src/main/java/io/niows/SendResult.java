package io.niows;

/**
 * What became of a send: it never blocks and never throws for concurrency, it says this instead.
 *
 * <p>Immutable and thread-safe.
 */
public enum SendResult {
    /** The frame is queued and the connection's queued bytes are under the high-water mark. */
    QUEUED,
    /**
     * The frame is queued, but the connection's queued bytes are now above the high-water mark:
     * stop producing until {@link WebSocketHandler#onWritable(WebSocket)} is called.
     */
    QUEUED_ABOVE_HIGH_WATER,
    /** Nothing was queued: the connection is closing or closed. */
    REFUSED_CLOSED;

    /** Whether the frame was queued. */
    public boolean accepted() {
        return this != REFUSED_CLOSED;
    }
}
