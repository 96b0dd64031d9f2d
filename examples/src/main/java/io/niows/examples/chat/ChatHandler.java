package io.niows.examples.chat;

import io.niows.CloseCode;
import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Connects niows connections to a {@link ChatRoom}: each connection gets a {@link ChatSession}
 * as its attachment; its text messages go to the room; its end is a disconnection. The protocol
 * is text only, so a binary message closes the connection with 1003.
 *
 * <p>Thread-safe: one handler serves every connection, on every loop; the room has the lock.
 */
public final class ChatHandler implements WebSocketHandler {

    private final ChatRoom<WebSocket> room;

    /** @param room the room every connection joins */
    public ChatHandler(ChatRoom<WebSocket> room) {
        this.room = Objects.requireNonNull(room, "room");
    }

    @Override
    public void onOpen(WebSocket ws) {
        ws.attach(room.connect(ws));
    }

    @Override
    public void onText(WebSocket ws, String text) {
        ChatSession<WebSocket> session = ws.attachment();
        room.receive(session, text);
    }

    @Override
    public void onBinary(WebSocket ws, ByteBuffer data) {
        ws.close(CloseCode.UNSUPPORTED_DATA, "the chat protocol is JSON text");
    }

    @Override
    public void onClose(WebSocket ws, int code, String reason, boolean remote) {
        ChatSession<WebSocket> session = ws.attachment();
        if (session != null) {
            room.disconnect(session);
        }
    }
}
