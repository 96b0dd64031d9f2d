/**
 * The sans-I/O WebSocket protocol (RFC 6455): a connection's whole protocol, server or client,
 * from the first byte of the opening handshake to the close, with no socket, thread or clock.
 * This package is public on purpose: it is the API for people who study the protocol, test
 * with it, or run it on a transport of their own; the niows reactor is one such transport.
 *
 * <h2>What it exports</h2>
 * <ul>
 *   <li>{@link io.niows.protocol.WebSocketEngine}, one per connection: {@code receive(bytes)} in,
 *       {@link io.niows.protocol.EngineListener} events and {@link io.niows.protocol.FrameSink}
 *       bytes out; {@link io.niows.protocol.WebSocketEngine#server server} or
 *       {@link io.niows.protocol.WebSocketEngine#client client}, in the states of
 *       {@link io.niows.protocol.ConnectionState}, configured by
 *       {@link io.niows.protocol.EngineConfig};
 *   <li>the opening handshake's values: {@link io.niows.protocol.HandshakeRequest}, the server's
 *       {@link io.niows.protocol.HandshakeResponder} and its
 *       {@link io.niows.protocol.HandshakeAnswer}, {@link io.niows.protocol.Header};
 *   <li>the one {@link io.niows.protocol.Outbound} front every send passes, with its
 *       {@link io.niows.protocol.SendResult};
 *   <li>the failures: {@link io.niows.protocol.WebSocketHandshakeException} and
 *       {@link io.niows.protocol.WebSocketProtocolException};
 *   <li>{@link io.niows.protocol.FrameEncoding}, stateless frame encoding, and
 *       {@link io.niows.protocol.SharedMessage}, one message encoded (and compressed) once for
 *       many connections;
 *   <li>{@link io.niows.protocol.PerMessageDeflate}, the settings of permessage-deflate (RFC
 *       7692), which the engine negotiates in the opening handshake and then applies to every
 *       message: compressed as it is sent through the front, inflated as it arrives, before the
 *       message limit and the UTF-8 check;
 *   <li>the frame trace: a {@link io.niows.protocol.FrameTrace} set with
 *       {@link io.niows.protocol.EngineConfig#withTrace} is told each frame in and out as a
 *       {@link io.niows.protocol.TracedFrame}, read from the wire bytes by a
 *       {@link io.niows.protocol.WireTrace}, which also reads any captured byte stream.
 * </ul>
 * Close codes are {@code int}s; their names and rules are {@link io.niows.CloseCode}'s.
 * Everything else in niows' protocol layers ({@code io.niows.internal.frame},
 * {@code io.niows.internal.handshake}) is internal.
 *
 * <h2>Driving an engine</h2>
 * <pre>{@code
 * WebSocketEngine engine = WebSocketEngine.server(EngineConfig.server(),
 *         request -> HandshakeAnswer.accept(null), listener, out::write);
 * while (engine.state() != ConnectionState.CLOSED && !engine.transportShouldClose()) {
 *     int n = in.read(bytes, kept, bytes.length - kept);      // the transport's read
 *     if (n < 0) { engine.transportClosed(); break; }
 *     ByteBuffer buf = ByteBuffer.wrap(bytes, 0, kept + n);
 *     engine.receive(buf);                                   // events and answers happen here
 *     kept = buf.remaining();                                // an unfinished frame header
 *     System.arraycopy(bytes, buf.position(), bytes, 0, kept);
 * }
 * }</pre>
 * The examples module holds this loop whole, over blocking {@code java.net.Socket}s with a thread
 * per connection ({@code io.niows.examples.blocking.BlockingEchoServer}); it passes the
 * conformance catalogue of {@code spec-tests} as strictly as the niows server does.
 *
 * <h2>Threads</h2>
 * An engine is driven by one thread at a time; its listener, responder and sink are called on
 * that thread. Its {@link io.niows.protocol.Outbound} front alone is safe from any thread, with a
 * {@link io.niows.protocol.Outbound.Port} that hands frames to the driving thread.
 */
package io.niows.protocol;
