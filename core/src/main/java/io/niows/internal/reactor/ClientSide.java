package io.niows.internal.reactor;

import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.protocol.WebSocketHandshakeException;
import io.niows.internal.handshake.ClientHandshake;
import io.niows.internal.handshake.HandshakeFailure;
import io.niows.internal.handshake.HttpError;
import io.niows.internal.handshake.HttpResponseHead;
import io.niows.internal.handshake.HttpResponseParser;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What a client connection needs until its handshake is over: the request it sent, the parser of
 * the answer, and the future the application waits on.
 *
 * <p>Not thread-safe: used on the connection's loop thread only (the future is thread-safe).
 */
final class ClientSide {

    private static final int MAX_BODY = 4096;

    final ClientHandshake handshake;
    final WebSocketHandler handler;
    final CompletableFuture<WebSocket> connected;
    private final HttpResponseParser parser;

    ClientSide(ClientHandshake handshake, WebSocketHandler handler, CompletableFuture<WebSocket> connected,
            ConnectionSettings settings) {
        this.handshake = handshake;
        this.handler = handler;
        this.connected = connected;
        this.parser = new HttpResponseParser(settings.handshakeLimits());
    }

    /**
     * Reads the server's answer.
     *
     * @return the agreed subprotocol ("" for none) once a valid 101 was read, {@code null} if more
     *     bytes are needed
     * @throws WebSocketHandshakeException when the answer is not a valid 101
     */
    String read(ByteBuffer in) throws WebSocketHandshakeException {
        HttpResponseHead head;
        try {
            head = parser.parse(in);
        } catch (HttpError e) {
            throw new WebSocketHandshakeException(-1, "malformed handshake response: " + e.reason(), Map.of(),
                    new byte[0]);
        }
        if (head == null) {
            return null;
        }
        try {
            String subprotocol = handshake.verify(head);
            return subprotocol == null ? "" : subprotocol;
        } catch (HandshakeFailure e) {
            byte[] body = new byte[Math.min(MAX_BODY, in.remaining())];
            in.get(body);
            throw new WebSocketHandshakeException(e.status(), e.getMessage(), head.headerMap(),
                    Arrays.copyOf(body, body.length));
        }
    }
}
