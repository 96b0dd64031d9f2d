package io.niows.internal.reactor;

import io.niows.HandshakeDecision;
import io.niows.HttpRequestHead;
import io.niows.HttpResponse;
import io.niows.internal.handshake.ServerHandshake;
import io.niows.protocol.HandshakeAnswer;
import io.niows.protocol.Header;
import java.lang.System.Logger.Level;

/**
 * What the application says about a request head, in the protocol's terms: its handshake hook and
 * subprotocol preference for an upgrade, its fallback handler for plain HTTP. The protocol engine
 * has checked the request and writes the answer.
 *
 * <p>Stateless; runs the application's hook and fallback on the calling (loop) thread, and turns
 * their exceptions into a 500 (logged), so one failing request harms nothing else.
 */
final class ServerUpgrade {

    private static final System.Logger LOG = System.getLogger("io.niows");

    private ServerUpgrade() {
    }

    /** The answer to a valid upgrade request for a route that exists. */
    static HandshakeAnswer upgrade(HttpRequestHead head, ServerConfig config) {
        HandshakeDecision decision;
        try {
            decision = config.hook().decide(head);
            if (decision == null) {
                throw new IllegalStateException("handshake hook returned null");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "handshake hook failed for " + head, e);
            return HandshakeAnswer.refuse(500, "the server failed to decide on this handshake");
        }
        if (!decision.accepted()) {
            return HandshakeAnswer.refuse(decision.status(), decision.reason());
        }
        String subprotocol = decision.subprotocol() != null ? decision.subprotocol()
                : ServerHandshake.selectSubprotocol(config.subprotocols(), head.subprotocols());
        return HandshakeAnswer.accept(subprotocol);
    }

    /** The fallback handler's answer to a plain HTTP request. */
    static HandshakeAnswer http(HttpRequestHead head, ServerConfig config) {
        HttpResponse response;
        try {
            response = config.fallback().handle(head);
            if (response == null) {
                throw new IllegalStateException("HTTP handler returned null");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "HTTP handler failed for " + head, e);
            response = HttpResponse.text(500, "the server failed to answer this request");
        }
        HandshakeAnswer answer = HandshakeAnswer.respond(response.status(), response.contentType(), response.body());
        for (Header header : response.headers()) {
            answer = answer.withHeader(header.name(), header.value());
        }
        return answer;
    }
}
