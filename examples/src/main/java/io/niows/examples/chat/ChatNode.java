package io.niows.examples.chat;

import io.niows.WebSocketServer;
import io.niows.examples.chat.redis.RedisChat;

/**
 * A chat server that shares its room with other processes through Redis: the server, and its
 * share of the room ({@link RedisChat}), closed together.
 *
 * <p>Thread-safe, as its parts are.
 *
 * @param server the running chat server
 * @param redis its share of the room in Redis
 */
public record ChatNode(WebSocketServer server, RedisChat redis) implements AutoCloseable {

    /**
     * Gives back its members' names (so that their pages can rejoin on another node at once),
     * closes the server (its members leave the room), then the Redis connections.
     */
    @Override
    public void close() {
        redis.releaseAll();
        server.close();
        redis.close();
    }
}
