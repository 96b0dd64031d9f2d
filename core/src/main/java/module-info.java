/**
 * niows: RFC 6455 WebSocket on {@code java.nio} selectors, with no dependency beyond the JDK.
 *
 * <h2>Where to start</h2>
 * <dl>
 *   <dt>Serving WebSockets</dt>
 *   <dd>{@link io.niows.WebSocketServer}: a builder, a route per path, {@code start()}. Each route
 *       has a {@link io.niows.WebSocketHandler}, told every event of its connections on their
 *       loop's thread; read its class comment for the thread model before writing one. Each
 *       connection is a {@link io.niows.WebSocket}, which sends from any thread without blocking.
 *   <dt>Sending to many: the observer list</dt>
 *   <dd>{@link io.niows.Broadcaster}: connections join, each message is encoded once and queued
 *       for every member, a member that falls behind its limit is closed or skipped, and a
 *       connection that closes leaves by itself.
 *   <dt>Connecting to a server</dt>
 *   <dd>{@link io.niows.WebSocketClient}: the same handler and connection types, on selector
 *       loops of its own or on a server's.
 *   <dt>TLS: {@code wss://} and {@code https://}</dt>
 *   <dd>{@link io.niows.WebSocketServer.Builder#tls} serves TLS on the server's port (with
 *       {@link io.niows.TlsContexts} to load a PKCS#12 keystore or PEM files);
 *       {@link io.niows.WebSocketClient} connects to {@code wss://} URLs.
 *   <dt>Limits, timeouts and refusals</dt>
 *   <dd>{@link io.niows.ConnectionOptions} lists every setting a server and a client share, with
 *       its default; {@link io.niows.WebSocketServer.Builder} adds the server's own (connection
 *       limits, memory budget). A {@link io.niows.HandshakeHook} decides each upgrade (origin
 *       checks, authentication, subprotocols); an {@link io.niows.HttpHandler} answers plain HTTP
 *       on the same port. {@link io.niows.CloseCode} names the close codes.
 *   <dt>Studying the protocol</dt>
 *   <dd>{@link io.niows.protocol} is the whole protocol with no I/O: a
 *       {@link io.niows.protocol.WebSocketEngine} takes bytes and gives events and bytes back,
 *       from the first byte of the opening handshake to the close, server or client, with no
 *       socket, thread or clock. Its package page shows the loop that drives it; the examples
 *       module runs that loop over blocking sockets
 *       ({@code io.niows.examples.blocking.BlockingEchoServer}) and passes the conformance suite
 *       with it.
 * </dl>
 *
 * <h2>A server in a few lines</h2>
 * <pre>{@code
 * Broadcaster room = new Broadcaster();
 * WebSocketServer server = WebSocketServer.builder()
 *         .host("127.0.0.1").port(9001)
 *         .route("/room", new WebSocketHandler() {
 *             @Override public void onOpen(WebSocket ws) { room.add(ws); }
 *             @Override public void onText(WebSocket ws, String text) { room.broadcast(text); }
 *         })
 *         .build()
 *         .start();
 * }</pre>
 *
 * <h2>Watching it run</h2>
 * {@link io.niows.WebSocketServer#metrics()} and {@link io.niows.WebSocketClient#metrics()} count
 * connections, refusals, close codes, messages, bytes and ping round trips ({@link
 * io.niows.Metrics}); JDK Flight Recorder events of category {@code niows} record opens, closes,
 * refusals, protocol failures, evictions and loop stalls; a server built with {@code jmx(true)}
 * registers a {@link io.niows.WebSocketServerMXBean}. Logging goes through {@code System.Logger}
 * under the name {@code io.niows}. Besides {@code java.base} the module reads {@code jdk.jfr}, and
 * {@code java.management} only for JMX.
 *
 * <p>The module exports two packages: {@link io.niows}, the API an application uses, and
 * {@link io.niows.protocol}, the sans-I/O protocol. Everything under {@code io.niows.internal} is
 * not exported and may change in any release.
 */
module io.niows {
    requires jdk.jfr;
    requires static java.management;

    exports io.niows;
    exports io.niows.protocol;
}
