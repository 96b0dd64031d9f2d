package io.niows.examples.chat;

/**
 * One connection's place in a {@link ChatRoom}: its handle, its name once joined, and its rate
 * limit. Created by {@link ChatRoom#connect}; the application keeps it with the connection
 * (for niows, as the {@link io.niows.WebSocket#attach attachment}) and hands it back.
 *
 * <p>Thread-safety: not thread-safe by itself; its state is read and changed only under the
 * room's lock.
 *
 * @param <P> the room's handle on a connection
 */
public final class ChatSession<P> {

    final P peer;
    final TokenBucket bucket;
    String name;
    int strikes;
    boolean gone;

    ChatSession(P peer, TokenBucket bucket) {
        this.peer = peer;
        this.bucket = bucket;
    }

    /** The connection this session belongs to. */
    public P peer() {
        return peer;
    }
}
