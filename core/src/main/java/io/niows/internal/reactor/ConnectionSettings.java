package io.niows.internal.reactor;

import io.niows.internal.handshake.HandshakeLimits;
import io.niows.protocol.EngineConfig;

/**
 * The limits and timeouts of one connection, server or client.
 *
 * <p>Immutable and thread-safe.
 *
 * @param engine the protocol engine's role and limits
 * @param handshakeLimits the bounds of the HTTP head read during the handshake
 * @param lowWaterMark queued bytes at or under which a connection is writable again
 * @param highWaterMark queued bytes over which a send says {@code QUEUED_ABOVE_HIGH_WATER}
 * @param maxQueuedBytes queued bytes past which a send closes the connection with 1008
 * @param handshakeTimeoutNanos how long the opening handshake may take (for a client, the TCP connect too)
 * @param idleTimeoutNanos silence after which a connection is closed; 0 for never
 * @param pingIntervalNanos silence after which a ping is sent; 0 for never
 * @param pongTimeoutNanos how long a ping may wait for any answer before the TCP connection is dropped
 * @param closeTimeoutNanos how long a close handshake may take before the TCP connection is dropped
 */
public record ConnectionSettings(
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

    /** How often a loop looks at its connections' deadlines: a tenth of the shortest timeout. */
    long timerTickNanos() {
        long shortest = Long.MAX_VALUE;
        for (long t : new long[] {handshakeTimeoutNanos, idleTimeoutNanos, pingIntervalNanos,
                pongTimeoutNanos, closeTimeoutNanos}) {
            if (t > 0) {
                shortest = Math.min(shortest, t);
            }
        }
        return Math.max(10_000_000L, Math.min(1_000_000_000L, shortest / 10));
    }
}
