package io.niows;

import io.niows.internal.handshake.ServerHandshake;
import io.niows.internal.reactor.ConnectionEvents;
import io.niows.internal.reactor.Link;
import io.niows.internal.reactor.Upgrades;
import io.niows.protocol.HandshakeAnswer;
import io.niows.protocol.HandshakeRequest;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a server's application says about each request head, in the protocol's terms: the route
 * (a {@link WebSocketHandler} per path), the {@link HandshakeHook} and the subprotocol preference
 * for an upgrade, the {@link HttpHandler} for plain HTTP. The protocol engine has already checked
 * the request and writes the answer.
 *
 * <p>Immutable and thread-safe; runs the application's hook and fallback on the calling (loop)
 * thread, and turns their exceptions into a 500 (logged), so one failing request harms nothing
 * else.
 */
final class ServerUpgrade implements Upgrades {

    private static final System.Logger LOG = System.getLogger("io.niows");

    private final Map<String, WebSocketHandler> routes;
    /** Each route's path, keyed by itself: a connection whose target is one keeps this string, not a copy. */
    private final Map<String, String> routePaths;
    private final WebSocketHandler defaultRoute;
    private final HttpHandler fallback;
    private final HandshakeHook hook;
    private final List<String> subprotocols;
    private final boolean keepHeaders;

    /**
     * @param routes handlers by exact request path
     * @param defaultRoute the handler for any other path, or {@code null} (then 404)
     * @param fallback the handler of plain HTTP requests
     * @param hook decides on upgrades that passed the RFC checks
     * @param subprotocols the server's subprotocols, in its order of preference
     * @param keepHeaders whether an open connection keeps its request's headers for {@link WebSocket#request()}
     */
    ServerUpgrade(Map<String, WebSocketHandler> routes, WebSocketHandler defaultRoute, HttpHandler fallback,
            HandshakeHook hook, List<String> subprotocols, boolean keepHeaders) {
        this.routes = Map.copyOf(routes);
        Map<String, String> paths = new HashMap<>();
        for (String path : routes.keySet()) {
            paths.put(path, path);
        }
        this.routePaths = Map.copyOf(paths);
        this.keepHeaders = keepHeaders;
        this.defaultRoute = defaultRoute;
        this.fallback = fallback;
        this.hook = hook;
        this.subprotocols = List.copyOf(subprotocols);
    }

    @Override
    public HandshakeAnswer upgrade(Link link, HandshakeRequest request, Consumer<ConnectionEvents> bind) {
        WebSocketHandler handler = routes.getOrDefault(request.path(), defaultRoute);
        if (handler == null) {
            return HandshakeAnswer.refuse(404, "no WebSocket endpoint at " + request.path());
        }
        HttpRequestHead head = new RequestHead(request, link.remoteAddress(), link.tlsSession());
        HandshakeDecision decision = ask(() -> hook.decide(head), "handshake hook", head);
        if (decision == null) {
            return HandshakeAnswer.refuse(500, "the server failed to decide on this handshake");
        }
        if (!decision.accepted()) {
            return decision.refusal();
        }
        String subprotocol = decision.subprotocol() != null ? decision.subprotocol()
                : ServerHandshake.selectSubprotocol(subprotocols, head.subprotocols());
        String target = request.target();
        bind.accept(new Session(link, handler,
                RequestHead.keep(request, routePaths.getOrDefault(target, target), keepHeaders)));
        return HandshakeAnswer.accept(subprotocol);
    }

    @Override
    public HandshakeAnswer http(Link link, HandshakeRequest request) {
        HttpRequestHead head = new RequestHead(request, link.remoteAddress(), link.tlsSession());
        HttpResponse response = ask(() -> fallback.handle(head), "HTTP handler", head);
        if (response == null) {
            response = HttpResponse.text(500, "the server failed to answer this request");
        }
        return response.answer();
    }

    /** Asks the application; {@code null} (logged) if it threw or answered nothing. */
    private static <T> T ask(Supplier<T> application, String what, HttpRequestHead head) {
        try {
            T answer = application.get();
            if (answer == null) {
                throw new IllegalStateException(what + " returned null");
            }
            return answer;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, what + " failed for " + head, e);
            return null;
        }
    }
}
