package io.niows.internal.reactor;

import io.niows.protocol.HandshakeRequest;
import io.niows.protocol.SendResult;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * A connection as the layer above the reactor sees it: what the application's handle delegates
 * to. Every send passes the connection's protocol front ({@link io.niows.protocol.Outbound}).
 *
 * <p>Thread-safe: every method may be called from any thread; none blocks.
 */
public interface Link {

    /** Sends a text message; {@code context} (may be null) comes back through {@link ConnectionEvents#onSent}. */
    SendResult sendText(CharSequence text, Object context);

    /** Sends a binary message, as {@link #sendText}; the buffer's position does not move. */
    SendResult sendBinary(ByteBuffer data, Object context);

    /** Sends one fragment of a message; the calling thread owns the message until its last fragment. */
    SendResult sendFragment(boolean text, ByteBuffer part, boolean last);

    /** Queues a whole frame already encoded for this role, shared read-only with other connections. */
    SendResult sendEncoded(ByteBuffer frame);

    /** Sends a ping; allowed while closing. */
    SendResult ping(ByteBuffer payload);

    /** Starts the close handshake. */
    void close(int code, String reason);

    /** Drops the TCP connection without a close handshake. */
    void abort();

    /** Whether data may still be sent. */
    boolean isOpen();

    /** Whether frames sent on it are masked (a client's are). */
    boolean masksFrames();

    /** Bytes queued and not yet written. */
    long queuedBytes();

    /** The peer's address. */
    InetSocketAddress remoteAddress();

    /** The opening request: received on a server, sent on a client. */
    HandshakeRequest request();

    /** The agreed subprotocol, or null. */
    String subprotocol();
}
