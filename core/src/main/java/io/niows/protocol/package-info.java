/**
 * The sans-I/O WebSocket protocol engine (RFC 6455): bytes in, events and bytes out.
 *
 * <p>Nothing in this package touches a socket, a thread or a clock, so it can be driven by the
 * niows reactor, by a test byte by byte, by a conformance tool or by a benchmark alike.
 */
package io.niows.protocol;
