package io.niows;

import io.niows.internal.handshake.HandshakeLimits;
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

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Connects with no subprotocol and no extra header. */
    public CompletableFuture<WebSocket> connect(URI uri, WebSocketHandler handler) {
        return connect(uri, handler, List.of(), Map.of());
    }

    /**
     * Opens a connection to a {@code ws://} URL (host name, IPv4 or bracketed IPv6 literal, port,
     * path and query) and performs the opening handshake.
     *
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
        return runtime.connect(address, bareHost, target, List.copyOf(subprotocols), headers, handler);
    }

    /**
     * Closes every connection of this client with 1001 (one still in its handshake is dropped and
     * its connect future fails), waits up to 5 s for the close handshakes and their
     * {@link WebSocketHandler#onClose}, then drops what is left. A client with loops of its own
     * then ends them; a client {@linkplain Builder#sharing sharing} a server's loops leaves the
     * loops and the server's connections running. Connecting afterwards fails. Called from a
     * handler (on a loop thread), it starts the closes and returns without waiting for them.
     */
    @Override
    public void close() {
        try {
            runtime.close(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Collects a client's settings; every limit has a default.
     *
     * <p>Not thread-safe: build on one thread.
     */
    public static final class Builder {
        private int loops = 1;
        private WebSocketServer shared;
        private long maxFrameSize = 16L << 20;
        private long maxMessageSize = 16L << 20;
        private long lowWaterMark = 32 << 10;
        private long highWaterMark = 64 << 10;
        private long maxQueuedBytes = 64L << 20;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration closeTimeout = Duration.ofSeconds(5);

        private Builder() {
        }

        /** The number of selector loops of the client's own; default 1. */
        public Builder loops(int loops) {
            if (loops < 1) {
                throw new IllegalArgumentException("loops must be at least 1");
            }
            this.loops = loops;
            return this;
        }

        /**
         * Runs the client's connections on this started server's loops instead of loops of its
         * own; closing the client closes only the client's connections.
         */
        public Builder sharing(WebSocketServer server) {
            this.shared = Objects.requireNonNull(server, "server");
            return this;
        }

        /** The largest frame payload accepted; default 16 MiB. */
        public Builder maxFrameSize(long bytes) {
            this.maxFrameSize = Settings.positive(bytes, "maxFrameSize");
            return this;
        }

        /** The largest message accepted; default 16 MiB. */
        public Builder maxMessageSize(long bytes) {
            this.maxMessageSize = Settings.positive(bytes, "maxMessageSize");
            return this;
        }

        /** As {@link WebSocketServer.Builder#writeWaterMarks}; defaults 32 and 64 KiB. */
        public Builder writeWaterMarks(long low, long high) {
            Settings.waterMarks(low, high);
            this.lowWaterMark = low;
            this.highWaterMark = high;
            return this;
        }

        /** Queued bytes past which a send closes the connection with 1008 instead; default 64 MiB. */
        public Builder maxQueuedBytes(long bytes) {
            this.maxQueuedBytes = Settings.positive(bytes, "maxQueuedBytes");
            return this;
        }

        /** How long the TCP connect and the opening handshake may take together; default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Settings.positive(timeout, "connectTimeout");
            return this;
        }

        /** How long to wait for the server to close TCP after a close handshake; default 5 s. */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = Settings.positive(timeout, "closeTimeout");
            return this;
        }

        /**
         * The client, its loops started.
         *
         * @throws UncheckedIOException if a selector cannot be opened
         */
        public WebSocketClient build() {
            EngineConfig engine = EngineConfig.client()
                    .withMaxFrameSize(Math.min(maxFrameSize, maxMessageSize))
                    .withMaxMessageSize(maxMessageSize);
            ConnectionSettings settings = new ConnectionSettings(engine, HandshakeLimits.defaults(),
                    lowWaterMark, highWaterMark, maxQueuedBytes, connectTimeout.toNanos(), 0, 0,
                    closeTimeout.toNanos(), closeTimeout.toNanos());
            try {
                ClientRuntime runtime = shared != null
                        ? ClientRuntime.sharing(shared.runtime(), settings)
                        : ClientRuntime.start(loops, settings, "niows-client-" + System.identityHashCode(settings));
                return new WebSocketClient(runtime);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
