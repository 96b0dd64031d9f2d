package io.niows.examples.chat;

import io.niows.Broadcaster;
import io.niows.WebSocket;
import java.util.Objects;

/**
 * The chat room's output over niows: single messages go to one {@link WebSocket}, room messages
 * go through a {@link Broadcaster}, which encodes each frame once and queues the same bytes on
 * every member (a slow member is closed with 1008 rather than allowed to hold memory).
 *
 * <p>Thread-safe, as its parts are. It delivers in the order of the calls when they come from one
 * thread, which is what niows promises for sends; {@link ChatServer} runs one loop to have that.
 */
public final class WebSocketChatOutput implements ChatOutput<WebSocket> {

    private final Broadcaster members;

    /** @param members the observer list the room's broadcasts go to */
    public WebSocketChatOutput(Broadcaster members) {
        this.members = Objects.requireNonNull(members, "members");
    }

    @Override
    public void send(WebSocket peer, String json) {
        peer.sendText(json);
    }

    @Override
    public void subscribe(WebSocket peer) {
        members.add(peer);
    }

    @Override
    public void unsubscribe(WebSocket peer) {
        members.remove(peer);
    }

    @Override
    public void broadcast(String json) {
        members.broadcast(json);
    }

    @Override
    public void close(WebSocket peer, int code, String reason) {
        peer.close(code, reason);
    }
}
