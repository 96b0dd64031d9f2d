package io.niows.internal.reactor;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server's limits on connections, and its counts of them: open at once, from one remote
 * address, and still in their opening handshake. A connection past a limit is answered with 503
 * and {@code Retry-After} and closed; it is never counted.
 *
 * <p>Thread-safe: every loop counts its connections in and out; counting happens once per
 * connection (in at accept, out at close), never per message.
 */
final class ConnectionLimits {

    /** The {@code Retry-After} of a refusal, in seconds: overload is expected to pass quickly. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final int maxConnections;
    private final int maxPerAddress;
    private final int maxHandshakes;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger handshaking = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();

    ConnectionLimits(ServerLimits limits) {
        this.maxConnections = limits.maxConnections();
        this.maxPerAddress = limits.maxConnectionsPerAddress();
        this.maxHandshakes = limits.maxHandshakes();
    }

    /**
     * Counts a new connection in, as handshaking, unless that would pass a limit.
     *
     * @return {@code null} if admitted (then {@link #closed} must follow once), else the one-line
     *     reason for the refusal
     */
    String admit(InetAddress address) {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            return "too many connections (" + maxConnections + ")";
        }
        if (handshaking.incrementAndGet() > maxHandshakes) {
            handshaking.decrementAndGet();
            open.decrementAndGet();
            return "too many opening handshakes in progress (" + maxHandshakes + ")";
        }
        if (maxPerAddress > 0) {
            if (perAddress.merge(address, 1, Integer::sum) > maxPerAddress) {
                leaveAddress(address);
                handshaking.decrementAndGet();
                open.decrementAndGet();
                return "too many connections from " + address.getHostAddress() + " (" + maxPerAddress + ")";
            }
        }
        return null;
    }

    /** An admitted connection finished its opening handshake (or became a plain HTTP exchange). */
    void handshakeEnded() {
        handshaking.decrementAndGet();
    }

    /** An admitted connection closed; {@code handshaking} if its handshake had not ended. */
    void closed(InetAddress address, boolean stillHandshaking) {
        if (stillHandshaking) {
            handshaking.decrementAndGet();
        }
        open.decrementAndGet();
        if (maxPerAddress > 0) {
            leaveAddress(address);
        }
    }

    /** Takes one from an address's count and drops its entry at zero, so a gone address costs nothing. */
    private void leaveAddress(InetAddress address) {
        perAddress.computeIfPresent(address, (a, count) -> count == 1 ? null : count - 1);
    }

    /** Connections open now, handshaking ones included. */
    int open() {
        return open.get();
    }

    /** Remote addresses holding an entry in the per-address counts: those with a connection open. */
    int addressesCounted() {
        return perAddress.size();
    }
}
