/**
 * The WebSocket opening handshake (RFC 6455 §4), sans-I/O: bounded incremental parsers for the
 * HTTP/1.1 request and response heads (RFC 7230 §3), the server's and the client's checks, and
 * the bytes of the answers.
 *
 * <p>Nothing here touches a socket, a thread or a clock: bytes in, a parsed head or an
 * {@link io.niows.internal.handshake.HttpError} out; calls in, response bytes out. The protocol
 * engine ({@link io.niows.protocol.WebSocketEngine}) drives them; the reactor owns the I/O and the
 * handshake timeout.
 */
package io.niows.internal.handshake;
