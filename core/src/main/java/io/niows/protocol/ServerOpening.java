package io.niows.protocol;

import io.niows.internal.handshake.HandshakeLimits;
import io.niows.internal.handshake.HeadWriter;
import io.niows.internal.handshake.HttpError;
import io.niows.internal.handshake.HttpRequest;
import io.niows.internal.handshake.HttpRequestParser;
import io.niows.internal.handshake.ServerHandshake;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * A server's side of the opening handshake (RFC 6455 §4.2): reads the request head in any split,
 * within its limits; checks it; asks the {@link HandshakeResponder}; writes the answer.
 *
 * <p>Not thread-safe: owned by one engine, on its thread.
 */
final class ServerOpening {

    private final HttpRequestParser parser;
    private final HandshakeResponder responder;
    private final PerMessageDeflate deflateSettings;
    private HttpRequest head;
    private String key;
    private DeflateAgreement deflate;

    ServerOpening(HandshakeLimits limits, HandshakeResponder responder, PerMessageDeflate deflateSettings) {
        this.parser = new HttpRequestParser(limits);
        this.responder = responder;
        this.deflateSettings = deflateSettings;
    }

    /** What the 101 agreed on permessage-deflate; null for nothing, or before an upgrade was accepted. */
    DeflateAgreement deflate() {
        return deflate;
    }

    /**
     * Reads request bytes.
     *
     * @return {@code null} when the head is not complete yet ({@code in} is consumed), else the
     *     answer to write ({@code in} positioned just past the head)
     */
    HandshakeAnswer read(ByteBuffer in) {
        try {
            head = parser.parse(in);
            if (head == null) {
                return null;
            }
            HandshakeRequest request = HandshakeRequest.received(head);
            if (!ServerHandshake.isUpgradeRequest(head)) {
                return hasBody(head) ? HandshakeAnswer.refuse(413, "request bodies are not accepted here")
                        : checked(responder.http(request), "HTTP");
            }
            key = ServerHandshake.validate(head);
            HandshakeAnswer answer = checked(responder.upgrade(request), "upgrade");
            if (answer.accepted() && answer.subprotocol() != null
                    && !request.subprotocols().contains(answer.subprotocol())) {
                return HandshakeAnswer.refuse(500, "the server chose a subprotocol the client did not offer");
            }
            if (answer.accepted()) {
                deflate = DeflateNegotiation.answer(deflateSettings, head.headerValues("Sec-WebSocket-Extensions"));
            }
            return answer;
        } catch (HttpError e) {
            return refusal(e);
        }
    }

    /** The request in its compact form once {@link #read} returned an answer; null if its head was malformed. */
    HandshakeRequest request() {
        return head == null ? null : HandshakeRequest.received(head).compact();
    }

    /** The bytes of {@code answer}: the 101 (RFC 6455 §4.2.2 item 5), or the HTTP response. */
    ByteBuffer encode(HandshakeAnswer answer) {
        if (!answer.accepted()) {
            return answer.encodeResponse(head == null || !"HEAD".equals(head.method()));
        }
        HeadWriter writer = ServerHandshake.switchingProtocols(key, answer.subprotocol(),
                deflate == null ? null : deflate.header());
        return HandshakeAnswer.writeHeaders(writer, answer.headers()).finish();
    }

    /** An answer for a request refused before the responder saw it (or at once, for a connection limit). */
    static HandshakeAnswer refusal(HttpError e) {
        HandshakeAnswer answer = HandshakeAnswer.refuse(e.status(), e.reason());
        for (Map.Entry<String, String> header : e.extraHeaders().entrySet()) {
            answer = answer.withHeader(header.getKey(), header.getValue());
        }
        return answer;
    }

    private static HandshakeAnswer checked(HandshakeAnswer answer, String what) {
        if (answer == null) {
            throw new IllegalStateException("the handshake responder returned no answer to an " + what + " request");
        }
        if (what.equals("HTTP") && answer.accepted()) {
            throw new IllegalStateException("a plain HTTP request cannot be accepted as a WebSocket");
        }
        return answer;
    }

    private static boolean hasBody(HttpRequest request) {
        String length = request.header("Content-Length");
        return request.header("Transfer-Encoding") != null || length != null && !length.trim().equals("0");
    }
}
