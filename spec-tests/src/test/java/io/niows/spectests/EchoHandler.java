package io.niows.spectests;

import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import java.nio.ByteBuffer;

/**
 * The echo the server gates run niows with: every message back with its type.
 *
 * <p>Stateless; one instance may serve every connection.
 */
final class EchoHandler implements WebSocketHandler {
    @Override
    public void onText(WebSocket ws, String text) {
        ws.sendText(text);
    }

    @Override
    public void onBinary(WebSocket ws, ByteBuffer data) {
        ws.handOverBinary(data); // the message's buffer is the handler's: echoed without a copy
    }
}
