package io.niows.bench.servers;

import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Jetty echo: each message goes back on the same session; the received buffer is released when
 * its send completes, by passing Jetty's callback on.
 *
 * <p>Public because Jetty reaches its methods reflectively. One instance per session; Jetty calls
 * it one event at a time.
 */
public final class JettyEchoEndpoint implements Session.Listener.AutoDemanding {

    private Session session;

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        session.sendBinary(payload, callback);
    }

    @Override
    public void onWebSocketText(String message) {
        session.sendText(message, Callback.NOOP);
    }
}
