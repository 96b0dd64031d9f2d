package io.niows;

import io.niows.internal.reactor.ClientRuntime;
import io.niows.internal.reactor.ConnectionSettings;
import io.niows.protocol.EngineConfig;
import io.niows.protocol.WebSocketHandshakeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A WebSocket client (RFC 6455) on the same selector loops as the server: thousands of
 * connections need no thread each.
 *
 * <pre>{@code
 * try (WebSocketClient client = WebSocketClient.builder().build()) {
 *     WebSocket ws = client.connect(URI.create("ws://127.0.0.1:9001/echo"), handler).get();
 *     ws.sendText("hello");
 * }
 * }</pre>
 *
 * <p>Every frame is masked with a fresh key from a {@code SecureRandom}-seeded source. After a
 * close handshake the client waits for the server to close TCP (RFC 6455 §7.1.1), and closes
 * it itself after the close timeout. A client made with {@link Builder#sharing(WebSocketServer)}
 * runs on that server's loops.
 *
 * <p>Thread-safe: connect from any thread.
 */
public final class WebSocketClient implements AutoCloseable {

    private final ClientRuntime runtime;

    private WebSocketClient(ClientRuntime runtime) {
        this.runtime = runtime;
    }

    /** {@return a builder with the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Connects with no subprotocol and no extra header, as
     * {@link #connect(URI, WebSocketHandler, List, Map)}.
     *
     * @param uri the {@code ws://} URL
     * @param handler the connection's handler
     * @return completed with the open connection, or exceptionally with why it could not open
     * @throws IllegalArgumentException for a URL that is not {@code ws://}
     */
    public CompletableFuture<WebSocket> connect(URI uri, WebSocketHandler handler) {
        return connect(uri, handler, List.of(), Map.of());
    }

    /**
     * Opens a connection to a {@code ws://} URL (host name, IPv4 or bracketed IPv6 literal, port,
     * path and query) and performs the opening handshake.
     *
     * @param uri the {@code ws://} URL
     * @param handler the connection's handler; its callbacks run on the connection's loop
     * @param subprotocols the subprotocols to offer, most preferred first
     * @param headers extra request headers (not the handshake's own)
     * @return completed with the open connection ({@link WebSocketHandler#onOpen} has run); or
     *     exceptionally with a {@link WebSocketHandshakeException} (status and body of an HTTP
     *     refusal included) or an {@link IOException} (connection refused, timeout)
     * @throws IllegalArgumentException for a URL that is not {@code ws://}
     */
    public CompletableFuture<WebSocket> connect(URI uri, WebSocketHandler handler, List<String> subprotocols,
            Map<String, String> headers) {
        Objects.requireNonNull(handler, "handler");
        if (!"ws".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not a ws:// URL: " + uri);
        }
        String host = uri.getHost();
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        InetSocketAddress address = new InetSocketAddress(bareHost, port);
        if (address.isUnresolved()) {
            return CompletableFuture.failedFuture(new IOException("cannot resolve host " + bareHost));
        }
        return runtime.connect(address, bareHost, target, List.copyOf(subprotocols), headers,
                link -> new Session(link, handler)).thenApply(session -> (WebSocket) session);
    }

    /**
     * Closes every connection of this client with 1001 (one still in its handshake is dropped and
     * its connect future fails), waits up to 5 s for the close handshakes and their
     * {@link WebSocketHandler#onClose}, then drops what is left. A client with loops of its own
     * then ends them; a client {@linkplain Builder#sharing sharing} a server's loops leaves the
     * loops and the server's connections running. Connecting afterwards fails. Called from a
     * handler (on a loop thread), it starts the closes and returns without waiting for them.
     */
    /**
     * {@return what this client's connections have done so far: connections, refusals, close
     * codes, messages, bytes, frames, ping round trips} Any thread.
     */
    public Metrics metrics() {
        return Metrics.of(runtime.metrics());
    }

    @Override
    public void close() {
        try {
            runtime.close(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Collects a client's settings; every limit has a default. Besides {@link #sharing}, they are
     * those of {@link ConnectionOptions}, which a server takes too.
     *
     * <p>Not thread-safe: build on one thread.
     */
    public static final class Builder extends ConnectionOptions<Builder> {
        private WebSocketServer shared;

        private Builder() {
            super(1);
        }

        /**
         * Runs the client's connections on this started server's loops instead of loops of its
         * own; closing the client closes only the client's connections.
         *
         * @param server a started server
         * @return this builder
         */
        public Builder sharing(WebSocketServer server) {
            this.shared = Objects.requireNonNull(server, "server");
            return this;
        }

        /**
         * Builds the client and starts its loops.
         *
         * @return the client, ready to connect
         * @throws UncheckedIOException if a selector cannot be opened
         */
        public WebSocketClient build() {
            ConnectionSettings settings = connectionSettings(EngineConfig.client());
            try {
                ClientRuntime runtime = shared != null
                        ? ClientRuntime.sharing(shared.runtime(), settings)
                        : ClientRuntime.start(loops(), settings, "niows-client-" + System.identityHashCode(settings));
                return new WebSocketClient(runtime);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
