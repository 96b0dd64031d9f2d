package io.niows.internal.reactor;

import io.niows.protocol.HandshakeRequest;
import io.niows.protocol.Outbound;
import io.niows.protocol.SendResult;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLSession;

/**
 * A connection as the layer above the reactor sees it: what the application's handle delegates
 * to. Sends go through the connection's protocol front, {@link #outbound()}, with this link as
 * the {@link Outbound.Port} that counts each admitted frame and hands it to the connection's
 * loop; a send's context (may be null) comes back through {@link ConnectionEvents#onSent}.
 *
 * <p>Thread-safe: every method may be called from any thread; none blocks.
 */
public interface Link extends Outbound.Port<Object> {

    /** The protocol's front every data send of this connection passes. */
    Outbound outbound();

    /** Sends a ping; allowed while closing. */
    SendResult ping(ByteBuffer payload);

    /** Starts the close handshake. */
    void close(int code, String reason);

    /** Stops reading this connection until {@link #resumeReading()}; any thread. */
    void pauseReading();

    /** Reads again after {@link #pauseReading()}; any thread. */
    void resumeReading();

    /** Drops the TCP connection without a close handshake. */
    void abort();

    /**
     * A broadcaster closed this connection for being over its limit ({@code evicted}) or skipped
     * a message for it, when it had {@code queuedBytes} queued: counted in the owner's metrics.
     */
    void countBroadcastOverflow(boolean evicted, long queuedBytes);

    /** Bytes queued and not yet written. */
    long queuedBytes();

    /** The peer's address. */
    InetSocketAddress remoteAddress();

    /** The opening request: sent on a client; received on a server, until the connection is open. */
    HandshakeRequest request();

    /**
     * The TLS session of a {@code wss://} connection, or null over plain TCP: a reference to the
     * engine's session, nothing copied. Meaningful once the TLS handshake is over, as it is before
     * the opening request is read on a server and before the connection opens on a client; the
     * stage it comes from is set on the loop thread before the application is given this link.
     */
    SSLSession tlsSession();

    /** The agreed subprotocol, or null. */
    String subprotocol();

    /** The agreed extensions as the server's answer states them, or null. */
    String extensions();
}
