/**
 * The public API of niows: servers, clients, connections, handlers and the broadcaster.
 *
 * <h2>How core is layered</h2>
 * Each package depends only on the ones below it; {@code io.niows.architecture}'s test in core
 * holds the allowed edges and fails on any other, or on a cycle.
 * <ul>
 *   <li>{@code io.niows} (this package): what an application uses. {@code WebSocketServer} and
 *       {@code WebSocketClient} start the reactor; each connection's {@link io.niows.WebSocket}
 *       is a {@code Session}, which turns the reactor's events into {@link
 *       io.niows.WebSocketHandler} calls, keeps the attachment and the broadcasters' close
 *       listeners, and delegates sends. Routing, the {@link io.niows.HandshakeHook} and the
 *       {@link io.niows.HttpHandler} fallback answer each request head.
 *   <li>{@code io.niows.internal.reactor}: the selector loops, the acceptor, write queues,
 *       timers, connection counts and memory budget. It moves bytes between sockets and the
 *       protocol and holds no RFC rule; it knows no application type, and calls up only through
 *       its {@code ConnectionEvents} and {@code Upgrades} interfaces.
 *   <li>{@link io.niows.protocol} (public, sans-I/O): a connection's whole protocol, handshake
 *       included, and the one outbound front every send passes.
 *   <li>{@code io.niows.internal.frame} and {@code io.niows.internal.handshake} (sans-I/O): the
 *       frame codec and the HTTP head parsers and writer.
 * </ul>
 *
 * <h2>Which thread touches what</h2>
 * A connection lives on one selector loop: the engine, the read path, the write queue, the
 * timers and every handler callback run on that loop's thread. The application may call a
 * {@link io.niows.WebSocket} from any thread: a send passes the engine's outbound front (its
 * checks and its lock) and the frame is handed to the loop; the connection's state that crosses
 * threads is the session's (handler, attachment, close listeners) and the front's, each member
 * marked so; everything else is the loop's alone.
 */
package io.niows;
