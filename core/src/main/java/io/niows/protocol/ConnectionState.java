package io.niows.protocol;

/**
 * The states of a WebSocket connection (RFC 6455 §4.1, §7).
 *
 * <p>Immutable and thread-safe.
 */
public enum ConnectionState {
    /** The opening handshake is under way; no frame may be sent yet. */
    CONNECTING,
    /** The handshake is done; data and control frames flow both ways. */
    OPEN,
    /** A close frame has been sent or received; only control frames may still be sent. */
    CLOSING,
    /** The close handshake is over or the connection failed; nothing more is sent or read. */
    CLOSED
}
