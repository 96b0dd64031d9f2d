package io.niows.protocol;

import io.niows.internal.handshake.ClientHandshake;
import io.niows.internal.handshake.HandshakeFailure;
import io.niows.internal.handshake.HandshakeLimits;
import io.niows.internal.handshake.HttpError;
import io.niows.internal.handshake.HttpResponseHead;
import io.niows.internal.handshake.HttpResponseParser;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * A client's side of the opening handshake (RFC 6455 §4.1): reads the server's answer in any
 * split, within its limits, and checks it against the request sent.
 *
 * <p>Not thread-safe: owned by one engine, on its thread.
 */
final class ClientOpening {

    /** How much of a refusal's body is kept for the application to read. */
    private static final int MAX_BODY = 4096;

    private final ClientHandshake handshake;
    private final HttpResponseParser parser;
    private final PerMessageDeflate offered;
    private DeflateAgreement deflate;

    /** @param offered the permessage-deflate settings the request offered, or {@code null} */
    ClientOpening(HandshakeLimits limits, ClientHandshake handshake, PerMessageDeflate offered) {
        this.handshake = handshake;
        this.parser = new HttpResponseParser(limits);
        this.offered = offered;
    }

    /** What the server's valid 101 agreed on permessage-deflate; null for nothing. */
    DeflateAgreement deflate() {
        return deflate;
    }

    /**
     * Reads the server's answer.
     *
     * @return the agreed subprotocol ("" for none) once a valid 101 was read ({@code in}
     *     positioned just past its head), {@code null} if more bytes are needed
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
            deflate = DeflateNegotiation.check(offered, head.headerValues("Sec-WebSocket-Extensions"));
            return subprotocol == null ? "" : subprotocol;
        } catch (HandshakeFailure e) {
            byte[] body = new byte[Math.min(MAX_BODY, in.remaining())];
            in.get(body);
            throw new WebSocketHandshakeException(e.status(), e.getMessage(), head.headerMap(), body);
        }
    }
}
