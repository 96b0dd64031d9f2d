package io.niows.examples.chat;

import java.util.List;
import java.util.Map;

/**
 * What the nodes of one chat room share: the names taken, the recent history, and the room's
 * events (joins, leaves, messages), which every node delivers to its own members. One process
 * keeps them in memory ({@link LocalChatShared}); several keep them in Redis
 * ({@link io.niows.examples.chat.redis.RedisChat}).
 *
 * <p>Thread-safety: a {@link ChatRoom} calls it under its lock, one call at a time; an
 * implementation shared with other threads says so itself.
 */
public interface ChatShared {

    /**
     * Takes a name for a member of this node.
     *
     * @param name the name, as the member wrote it
     * @return {@code false} if a member of any node has it already (compared case-insensitively)
     */
    boolean claim(String name);

    /** Gives back a name this node claimed. */
    void release(String name);

    /** {@return the names of the members online on every node} */
    List<String> online();

    /** {@return the recent messages, oldest first} */
    List<Map<String, Object>> history();

    /** Adds a message to the history, dropping the oldest past the room's history size. */
    void record(Map<String, Object> message);

    /**
     * Tells the other nodes of a room event this node has delivered to its own members; they hand
     * it to {@link ChatRoom#relay}. Never blocks for long and never throws: an event that cannot
     * go out is lost for the other nodes.
     *
     * @param json the event, as this node's members got it
     */
    void publish(String json);
}
