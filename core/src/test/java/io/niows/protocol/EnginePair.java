package io.niows.protocol;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A client's engine and a server's engine joined in memory, each one's sink feeding the other's
 * {@code receive}: the whole protocol, handshake to close, with no socket. Not thread-safe.
 */
final class EnginePair {

    final EngineHarness client;
    final EngineHarness server;
    private int deliveredToServer;
    private int deliveredToClient;

    EnginePair(HandshakeRequest request, HandshakeResponder responder) {
        this(request, EngineConfig.server(), responder);
    }

    EnginePair(HandshakeRequest request, EngineConfig serverConfig, HandshakeResponder responder) {
        client = EngineHarness.handshakingClient(request);
        server = EngineHarness.handshakingServer(serverConfig, responder);
    }

    /** Starts the client and carries bytes both ways until neither side has anything more to say. */
    EnginePair connect() {
        client.engine.start();
        return pump();
    }

    /** Carries what each side wrote since the last call to the other, until both are quiet. */
    EnginePair pump() {
        while (deliveredToServer < client.sent.size() || deliveredToClient < server.sent.size()) {
            deliveredToServer = deliver(client.sent, deliveredToServer, server);
            deliveredToClient = deliver(server.sent, deliveredToClient, client);
        }
        return this;
    }

    private static int deliver(List<ByteBuffer> from, int next, EngineHarness to) {
        int end = from.size();
        for (int i = next; i < end; i++) {
            ByteBuffer b = from.get(i).duplicate();
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            to.receive(bytes);
        }
        return end;
    }
}
