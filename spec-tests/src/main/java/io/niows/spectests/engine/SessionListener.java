package io.niows.spectests.engine;

/**
 * What a case hears from the session: complete messages, pings (already answered), pongs.
 * Called on the case thread only.
 */
public interface SessionListener {

    /** A complete data message (reassembled from its fragments). */
    void onMessage(byte[] payload, boolean binary);

    /** A ping; the session has already answered it with a pong when open. */
    void onPing(byte[] payload);

    /** A pong. */
    void onPong(byte[] payload);
}
