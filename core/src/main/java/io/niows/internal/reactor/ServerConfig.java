package io.niows.internal.reactor;

import io.niows.HandshakeHook;
import io.niows.HttpHandler;
import io.niows.WebSocketHandler;
import io.niows.internal.handshake.HandshakeLimits;
import io.niows.protocol.EngineConfig;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

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
 * @param engine the protocol engine's limits
 * @param handshakeLimits the bounds of the request head
 * @param lowWaterMark queued bytes at or under which a connection is writable again
 * @param highWaterMark queued bytes over which a send says {@code QUEUED_ABOVE_HIGH_WATER}
 * @param maxQueuedBytes queued bytes past which a send closes the connection with 1008
 * @param handshakeTimeoutNanos how long a client has to send its request head
 * @param idleTimeoutNanos silence after which a connection is closed; 0 for never
 * @param pingIntervalNanos silence after which a ping is sent; 0 for never
 * @param pongTimeoutNanos how long a ping may wait for any answer before the TCP connection is dropped
 * @param closeTimeoutNanos how long a close handshake may take before the TCP connection is dropped
 */
public record ServerConfig(
        InetSocketAddress address,
        Map<String, WebSocketHandler> routes,
        WebSocketHandler defaultRoute,
        HttpHandler fallback,
        HandshakeHook hook,
        List<String> subprotocols,
        int loops,
        EngineConfig engine,
        HandshakeLimits handshakeLimits,
        long lowWaterMark,
        long highWaterMark,
        long maxQueuedBytes,
        long handshakeTimeoutNanos,
        long idleTimeoutNanos,
        long pingIntervalNanos,
        long pongTimeoutNanos,
        long closeTimeoutNanos) {

    /** The handler for a request path, or {@code null} when no route takes it. */
    public WebSocketHandler handlerFor(String path) {
        WebSocketHandler handler = routes.get(path);
        return handler != null ? handler : defaultRoute;
    }

    /** How often the loops look at their connections' deadlines: a tenth of the shortest timeout. */
    long timerTickNanos() {
        long shortest = Long.MAX_VALUE;
        for (long t : new long[] {handshakeTimeoutNanos, idleTimeoutNanos, pingIntervalNanos,
                pongTimeoutNanos, closeTimeoutNanos}) {
            if (t > 0) {
                shortest = Math.min(shortest, t);
            }
        }
        long tenth = shortest / 10;
        return Math.max(10_000_000L, Math.min(1_000_000_000L, tenth));
    }
}
