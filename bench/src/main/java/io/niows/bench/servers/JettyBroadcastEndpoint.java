package io.niows.bench.servers;

import java.nio.ByteBuffer;
import java.util.Set;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Jetty broadcast: each message is copied once (Jetty reuses the received buffer once the callback
 * completes) and sent to every open session of the shared set.
 *
 * <p>Public because Jetty reaches its methods reflectively. One instance per session; the member set is a concurrent set shared by all of them.
 */
public final class JettyBroadcastEndpoint implements Session.Listener.AutoDemanding {

    private final Set<Session> members;
    private Session session;

    JettyBroadcastEndpoint(Set<Session> members) {
        this.members = members;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        members.add(session);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload).flip();
        callback.succeed();
        for (Session member : members) {
            member.sendBinary(copy.slice(), Callback.NOOP);
        }
    }

    @Override
    public void onWebSocketText(String message) {
        for (Session member : members) {
            member.sendText(message, Callback.NOOP);
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        members.remove(session);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        members.remove(session);
    }
}
