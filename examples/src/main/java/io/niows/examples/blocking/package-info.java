/**
 * The WebSocket protocol over plain blocking sockets: the place to start reading if you want to
 * learn how niows implements RFC 6455. {@link io.niows.examples.blocking.BlockingEchoServer}
 * drives niows' sans-I/O engine ({@link io.niows.protocol.WebSocketEngine}) with a {@link
 * java.net.ServerSocket} and one thread per connection; a connection, its loop and its echo
 * included, is about fifty lines (the rest starts and stops the server). Every rule of the
 * protocol is in the engine; the example only moves bytes, and it passes the whole conformance
 * catalogue of {@code spec-tests} strictly, as the niows selector server does.
 *
 * <h2>What the engine does</h2>
 *
 * <p>Given the bytes a client sends, from the first byte of its HTTP request, the engine:
 *
 * <ul>
 *   <li>reads the opening handshake in any split, bounded (16 KiB), checks it (RFC 6455 §4.2.1),
 *       asks a {@link io.niows.protocol.HandshakeResponder} (here: accept every request, no
 *       subprotocol) and writes the {@code 101 Switching Protocols} with its {@code
 *       Sec-WebSocket-Accept} (§4.2.2), or the HTTP refusal (400, 405, 426, 431, ...);
 *   <li>decodes frames (§5.2): masking required from a client (§5.1, §5.3), reserved bits and
 *       opcodes refused (§5.2, §5.8), fragments reassembled (§5.4), control frames at most 125
 *       bytes and never fragmented (§5.5), text validated as UTF-8 at the first bad byte (§5.6,
 *       §8.1), size limits checked from the frame header (§10.4);
 *   <li>answers a ping with a pong (§5.5.2, §5.5.3) and a close frame with a close frame echoing
 *       its code (§5.5.1, §7.4), ignores data once closing (§5.5.1);
 *   <li>fails the connection on any violation (§7.1.7): a close frame with 1002, 1007 or 1009;
 *   <li>says when the TCP connection should close ({@link
 *       io.niows.protocol.WebSocketEngine#transportShouldClose()}, §7.1.1: a server closes first,
 *       right after the closing handshake or a failure).
 * </ul>
 *
 * <p>What it reports ({@link io.niows.protocol.EngineListener}): whole text and binary messages,
 * pings, pongs, the peer's close, a violation. What it wants sent goes to a {@link
 * io.niows.protocol.FrameSink} as whole byte buffers, in order.
 *
 * <h2>The loop, line by line</h2>
 *
 * <p>{@code Connection.run()} in {@code BlockingEchoServer}:
 *
 * <ol>
 *   <li>{@code setTcpNoDelay(true)}: a small frame (an echo, a pong, a close) leaves at once
 *       instead of waiting, under Nagle's algorithm, for the acknowledgement of the previous one.
 *   <li>{@code setSoTimeout(...)}: a read that waits 60 s ends the connection: the idle limit.
 *   <li>{@code in.read(buffer.array(), buffer.position(), buffer.remaining())}: blocks until bytes
 *       arrive, and appends them after what the engine left unconsumed last time; {@code -1} is
 *       the peer's FIN and ends the loop.
 *   <li>{@code flip(); engine.receive(buffer)}: the engine consumes the bytes. While the
 *       handshake runs, it answers it through the sink. Then it decodes frames and calls {@code
 *       onText} or {@code onBinary} for each complete message, where the echo calls {@code
 *       engine.sendText} or {@code sendBinary}: the engine encodes the frame and hands it to the
 *       sink, whose {@code write} puts it in a buffered stream. Pings and closes are answered
 *       through the same sink, by the engine.
 *   <li>{@code compact()}: {@code receive} may leave up to 13 bytes, a frame header that is not
 *       complete yet; they move to the front of the buffer and the next read appends to them.
 *   <li>{@code out.flush()}: everything this read produced (echoes, pongs, the close) leaves in
 *       one socket write, not one write per frame.
 *   <li>{@code if (engine.transportShouldClose()) socket.shutdownOutput()}: after the closing
 *       handshake, or after the engine failed the connection, send FIN and keep reading (the
 *       engine ignores what still arrives) until the peer's FIN, for at most 5 s. Closing the
 *       socket at once while the peer is still sending would answer its bytes with a reset, and
 *       a reset can destroy the close frame in the peer's receive buffer before it reads it.
 *   <li>{@code finally engine.transportClosed()}: the engine's state becomes {@code CLOSED};
 *       the socket is closed by {@code try}-with-resources around {@code run()}.
 * </ol>
 *
 * <p>Run it: {@code java -jar examples/target/niows-examples.jar blocking-echo --port 9001}. The
 * niows server ({@link io.niows.WebSocketServer}) does the same with selectors, a write queue
 * per connection, flow control and timers, on a few threads for any number of connections.
 */
package io.niows.examples.blocking;
