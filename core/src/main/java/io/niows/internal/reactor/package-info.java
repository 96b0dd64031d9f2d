/**
 * The I/O around the protocol: selector loops, the acceptor, write queues, timers, connection
 * counts and the memory budget. It moves bytes between sockets and each connection's {@link
 * io.niows.protocol.WebSocketEngine} and holds no RFC rule of its own.
 *
 * <p>A {@link io.niows.internal.reactor.Connection} lives on one {@link
 * io.niows.internal.reactor.SelectorLoop} and is that loop's alone, but for the few fields marked
 * "any thread" (the queued-bytes count and two flags its {@link
 * io.niows.internal.reactor.Link port} sets when another thread sends). The package knows no
 * application type: it reports to the layer above through {@link
 * io.niows.internal.reactor.ConnectionEvents}, asks it about request heads through {@link
 * io.niows.internal.reactor.Upgrades}, and offers each connection to it as a {@link
 * io.niows.internal.reactor.Link}.
 *
 * <p>TLS is a byte stage here too: a connection's {@link io.niows.internal.reactor.TlsStage}
 * unwraps what the socket read into plaintext for the engine and wraps what the write queue
 * writes, on the connection's loop, with buffers the loop owns.
 */
package io.niows.internal.reactor;
