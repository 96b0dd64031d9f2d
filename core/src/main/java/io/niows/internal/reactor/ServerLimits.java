package io.niows.internal.reactor;

/**
 * A server's limits beyond the per-connection ones: how many connections, and how much memory
 * all of them may hold together.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxConnections connections open at once, handshaking ones included
 * @param maxConnectionsPerAddress connections open at once from one remote address; 0 for no limit
 * @param maxHandshakes connections at once still in their opening handshake
 * @param memoryBudget bytes all connections together may hold in unfinished incoming messages
 *     and in write queues
 */
public record ServerLimits(int maxConnections, int maxConnectionsPerAddress, int maxHandshakes, long memoryBudget) {
}
