package io.niows.internal.reactor;

import io.niows.HandshakeDecision;
import io.niows.HttpResponse;
import io.niows.WebSocketHandler;
import io.niows.internal.handshake.HttpError;
import io.niows.internal.handshake.HttpRequest;
import io.niows.internal.handshake.ServerHandshake;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * Decides what a server answers to a complete request head: a 101 and a handler, an HTTP error,
 * or the plain-HTTP fallback's response.
 *
 * <p>Immutable and thread-safe; {@link #decide} runs the application's hook and fallback on the
 * calling (loop) thread.
 */
final class ServerUpgrade {

    private static final System.Logger LOG = System.getLogger("io.niows");

    /** The bytes to write, and, for an accepted upgrade, what the connection needs to open. */
    final ByteBuffer response;
    final WebSocketHandler handler;
    final String subprotocol;
    final RequestHead head;

    private ServerUpgrade(ByteBuffer response, WebSocketHandler handler, String subprotocol, RequestHead head) {
        this.response = response;
        this.handler = handler;
        this.subprotocol = subprotocol;
        this.head = head;
    }

    boolean accepted() {
        return handler != null;
    }

    static ServerUpgrade refused(ByteBuffer response) {
        return new ServerUpgrade(response, null, null, null);
    }

    static ServerUpgrade decide(HttpRequest request, InetSocketAddress remote, ServerConfig config) {
        RequestHead head = new RequestHead(request, remote);
        if (!ServerHandshake.isUpgradeRequest(request)) {
            return refused(plainHttp(head, request, config));
        }
        try {
            String key = ServerHandshake.validate(request);
            WebSocketHandler handler = config.handlerFor(request.path());
            if (handler == null) {
                throw new HttpError(404, "no WebSocket endpoint at " + request.path());
            }
            HandshakeDecision decision = askHook(head, config);
            if (!decision.accepted()) {
                throw new HttpError(decision.status(), decision.reason());
            }
            String subprotocol = subprotocol(decision, head, config);
            ByteBuffer ok = ServerHandshake.switchingProtocols(key, subprotocol, null, Map.of());
            return new ServerUpgrade(ok, handler, subprotocol, head);
        } catch (HttpError e) {
            return refused(e.toResponse());
        }
    }

    private static HandshakeDecision askHook(RequestHead head, ServerConfig config) throws HttpError {
        try {
            HandshakeDecision decision = config.hook().decide(head);
            if (decision == null) {
                throw new IllegalStateException("handshake hook returned null");
            }
            return decision;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "handshake hook failed for " + head, e);
            throw new HttpError(500, "the server failed to decide on this handshake");
        }
    }

    private static String subprotocol(HandshakeDecision decision, RequestHead head, ServerConfig config)
            throws HttpError {
        List<String> offered = head.subprotocols();
        if (decision.subprotocol() == null) {
            return ServerHandshake.selectSubprotocol(config.subprotocols(), offered);
        }
        if (!offered.contains(decision.subprotocol())) {
            LOG.log(Level.WARNING, "handshake hook chose subprotocol " + decision.subprotocol()
                    + " that the client did not offer");
            throw new HttpError(500, "the server chose a subprotocol the client did not offer");
        }
        return decision.subprotocol();
    }

    private static ByteBuffer plainHttp(RequestHead head, HttpRequest request, ServerConfig config) {
        if (hasBody(request)) {
            return HttpResponses.encode(HttpResponse.text(413, "request bodies are not accepted here"), true);
        }
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
        return HttpResponses.encode(response, !"HEAD".equals(request.method()));
    }

    private static boolean hasBody(HttpRequest request) {
        String length = request.header("Content-Length");
        return request.header("Transfer-Encoding") != null
                || length != null && !length.trim().equals("0");
    }
}
