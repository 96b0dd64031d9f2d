package io.niows.server;

import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import java.nio.ByteBuffer;

/** Servers the integration tests start on loopback. Stateless. */
final class Servers {

    private Servers() {
    }

    /** Echoes every text and binary message. */
    static final WebSocketHandler ECHO = new WebSocketHandler() {
        @Override
        public void onText(WebSocket ws, String text) {
            ws.sendText(text);
        }

        @Override
        public void onBinary(WebSocket ws, ByteBuffer data) {
            ws.sendBinary(data);
        }
    };

    static WebSocketServer.Builder loopback() {
        return WebSocketServer.builder().host("127.0.0.1").port(0).loops(2);
    }

    static WebSocketServer echo() throws java.io.IOException {
        return loopback().defaultRoute(ECHO).maxMessageSize(32L << 20).build().start();
    }
}
