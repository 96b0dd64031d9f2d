package io.niows.internal.reactor;

import io.niows.HandshakeHook;
import io.niows.HttpHandler;
import io.niows.WebSocketHandler;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything a server's loops need to know, fixed when the server is built.
 *
 * <p>Immutable and thread-safe (the maps and lists are unmodifiable copies).
 *
 * @param address where to listen
 * @param routes handlers by exact request path
 * @param defaultRoute the handler for any other path, or {@code null} (then 404)
 * @param fallback the handler of plain HTTP requests
 * @param hook decides on upgrades that passed the RFC checks
 * @param subprotocols the server's subprotocols, in its order of preference
 * @param loops how many selector loops
 * @param connection each connection's limits and timeouts
 * @param limits the server-wide limits: connections and memory
 * @param onServerError told once, on a thread of its own, if the server failed and stopped
 */
public record ServerConfig(
        InetSocketAddress address,
        Map<String, WebSocketHandler> routes,
        WebSocketHandler defaultRoute,
        HttpHandler fallback,
        HandshakeHook hook,
        List<String> subprotocols,
        int loops,
        ConnectionSettings connection,
        ServerLimits limits,
        Consumer<Throwable> onServerError) {

    /** The handler for a request path, or {@code null} when no route takes it. */
    public WebSocketHandler handlerFor(String path) {
        WebSocketHandler handler = routes.get(path);
        return handler != null ? handler : defaultRoute;
    }
}
