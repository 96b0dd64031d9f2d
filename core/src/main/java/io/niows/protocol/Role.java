package io.niows.protocol;

/**
 * Which end of the connection an engine plays (RFC 6455 §5.1): a client masks every frame it
 * sends and rejects masked frames; a server does the opposite.
 *
 * <p>Immutable and thread-safe.
 */
public enum Role {
    /** The end that accepted the TCP connection and answered the opening handshake. */
    SERVER,
    /** The end that opened the TCP connection and sent the opening handshake. */
    CLIENT
}
