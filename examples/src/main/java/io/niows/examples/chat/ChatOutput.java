package io.niows.examples.chat;

/**
 * Where a {@link ChatRoom} sends: to one peer, or to every subscribed peer at once. The room
 * calls it while holding its lock, so the order of calls is the order of events in the room;
 * an implementation must therefore not block.
 *
 * <p>Implementations need not be thread-safe beyond that: the room never calls one concurrently.
 *
 * @param <P> the room's handle on a connection, such as {@link io.niows.WebSocket}
 */
public interface ChatOutput<P> {

    /** Sends one JSON text to one peer. */
    void send(P peer, String json);

    /** Adds the peer to those who receive {@link #broadcast}s. */
    void subscribe(P peer);

    /** Removes the peer from those who receive {@link #broadcast}s. */
    void unsubscribe(P peer);

    /** Sends one JSON text to every subscribed peer; encoded once, however many they are. */
    void broadcast(String json);

    /** Closes the peer's connection with this close code and reason. */
    void close(P peer, int code, String reason);
}
