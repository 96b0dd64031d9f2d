package io.niows.spectests.peer;

import java.util.concurrent.TimeUnit;

/**
 * One established WebSocket connection (the opening handshake is done) seen as raw bytes
 * out and frames in. Cases never learn whether the fuzzer connected or accepted it.
 *
 * <p>Thread-safety: {@link #write}, {@link #flush} and {@link #poll} are called by the one
 * thread that runs the case; {@link #drop} may be called from any thread (a watchdog).
 */
public interface PeerConnection extends AutoCloseable {

    /** Which end the fuzzer plays on this connection. */
    Role role();

    /**
     * Adds bytes to the output buffer (Autobahn's transport buffer); they leave at the next
     * {@link #flush}. {@code sync} says whether they came from Autobahn's send queue, for the
     * wire log's {@code TO} row.
     */
    void write(byte[] bytes, boolean sync);

    /** Hands the buffered bytes to the kernel in one write. */
    void flush();

    /** Waits up to the timeout for the next event; returns {@code null} on timeout. */
    PeerEvent poll(long timeout, TimeUnit unit) throws InterruptedException;

    /** The wire log and statistics of this connection. */
    WireLog log();

    /** Closes TCP now, without any closing handshake. Idempotent. */
    void drop();

    /** Drops TCP and releases the reading thread, waiting for it briefly. */
    @Override
    void close();
}
