package io.niows.protocol;

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
     * stop producing until {@link io.niows.WebSocketHandler#onWritable(io.niows.WebSocket)} is called.
     */
    QUEUED_ABOVE_HIGH_WATER,
    /** Nothing was queued: the connection is not open (its opening handshake is not done), or is closing or closed. */
    REFUSED_CLOSED,
    /**
     * Nothing was queued: a fragmented message is unfinished on this connection (RFC 6455 §5.4:
     * fragments of one message may not be interleaved with another), sent by another thread, or
     * by this one for a whole message. Send again once its last fragment is queued.
     */
    REFUSED_BUSY;

    /** {@return whether the frame was queued} */
    public boolean accepted() {
        return this == QUEUED || this == QUEUED_ABOVE_HIGH_WATER;
    }
}
