package io.niows;

import io.niows.internal.reactor.ClientRuntime;
import io.niows.internal.reactor.ConnectionSettings;
import io.niows.protocol.EngineConfig;
import io.niows.protocol.WebSocketHandshakeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

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
    /** Null until the first {@code wss://} connect when the builder was given none: then the JDK's default. */
    private volatile SSLContext tls;
    /** Applied to each {@code wss://} connection's engine; null for the defaults. */
    private final SSLParameters tlsParameters;
    private final boolean verifyHostname;

    private WebSocketClient(ClientRuntime runtime, SSLContext tls, SSLParameters tlsParameters,
            boolean verifyHostname) {
        this.runtime = runtime;
        this.tls = tls;
        this.tlsParameters = tlsParameters;
        this.verifyHostname = verifyHostname;
    }

    /** {@return a builder with the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Connects with no subprotocol and no extra header, as
     * {@link #connect(URI, WebSocketHandler, List, Map)}.
     *
     * @param uri the {@code ws://} or {@code wss://} URL
     * @param handler the connection's handler
     * @return completed with the open connection, or exceptionally with why it could not open
     * @throws IllegalArgumentException for a URL that is not {@code ws://} or {@code wss://}
     */
    public CompletableFuture<WebSocket> connect(URI uri, WebSocketHandler handler) {
        return connect(uri, handler, List.of(), Map.of());
    }

    /**
     * Opens a connection to a {@code ws://} or {@code wss://} URL (host name, IPv4 or bracketed
     * IPv6 literal, port, path and query) and performs the opening handshake; for {@code wss://}
     * the TLS handshake first, with SNI naming the host, the server's certificate checked against
     * the client's trust store and (unless {@link Builder#verifyHostname turned off}) against the
     * host name as {@code HttpsURLConnection} does, and ALPN offering {@code http/1.1}.
     *
     * @param uri the {@code ws://} or {@code wss://} URL
     * @param handler the connection's handler; its callbacks run on the connection's loop
     * @param subprotocols the subprotocols to offer, most preferred first
     * @param headers extra request headers (not the handshake's own)
     * @return completed with the open connection ({@link WebSocketHandler#onOpen} has run); or
     *     exceptionally with a {@link WebSocketHandshakeException} (status and body of an HTTP
     *     refusal included) or an {@link IOException} (connection refused, timeout; a TLS failure
     *     such as an untrusted certificate or a host name mismatch is an {@code SSLException}
     *     saying so)
     * @throws IllegalArgumentException for a URL that is not {@code ws://} or {@code wss://}
     */
    public CompletableFuture<WebSocket> connect(URI uri, WebSocketHandler handler, List<String> subprotocols,
            Map<String, String> headers) {
        Objects.requireNonNull(handler, "handler");
        boolean secure = "wss".equalsIgnoreCase(uri.getScheme());
        if (!secure && !"ws".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not a ws:// or wss:// URL: " + uri);
        }
        String host = uri.getHost();
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        int port = uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        InetSocketAddress address = new InetSocketAddress(bareHost, port);
        if (address.isUnresolved()) {
            return CompletableFuture.failedFuture(new IOException("cannot resolve host " + bareHost));
        }
        SSLEngine ssl;
        try {
            ssl = secure ? clientEngine(bareHost, port) : null;
        } catch (NoSuchAlgorithmException e) {
            return CompletableFuture.failedFuture(new IOException("no default TLS context", e));
        }
        return runtime.connect(address, bareHost, target, List.copyOf(subprotocols), headers, ssl,
                link -> new Session(link, handler)).thenApply(session -> (WebSocket) session);
    }

    /**
     * An engine in client mode for {@code host}: SNI names the host (the JDK sends it for a host
     * name, not for an IP literal), endpoint identification is {@code HTTPS} unless turned off or
     * set otherwise in the builder's parameters, and ALPN offers {@code http/1.1} unless those
     * parameters offer something else.
     */
    private SSLEngine clientEngine(String host, int port) throws NoSuchAlgorithmException {
        SSLContext context = tls;
        if (context == null) {
            context = SSLContext.getDefault();
            tls = context;
        }
        SSLEngine ssl = context.createSSLEngine(host, port);
        ssl.setUseClientMode(true);
        if (tlsParameters != null) {
            ssl.setSSLParameters(tlsParameters);
        }
        SSLParameters params = ssl.getSSLParameters(); // a copy: the builder's parameters stay as given
        if (params.getEndpointIdentificationAlgorithm() == null && verifyHostname) {
            params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (params.getApplicationProtocols().length == 0) {
            params.setApplicationProtocols(new String[] {"http/1.1"});
        }
        ssl.setSSLParameters(params);
        return ssl;
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
        private SSLContext tls;
        private SSLParameters tlsParameters;
        private boolean verifyHostname = true;

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
         * The TLS context of {@code wss://} connections: its trust managers decide which server
         * certificates are accepted. Default: the JDK's default context ({@code
         * SSLContext.getDefault()}, the JDK's trust store).
         *
         * @param context the context
         * @return this builder
         */
        public Builder tls(SSLContext context) {
            this.tls = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * TLS parameters for each {@code wss://} connection (protocols, cipher suites, SNI, ALPN),
         * applied to each connection's engine. Where they set no endpoint identification
         * algorithm, {@code HTTPS} is set (unless {@link #verifyHostname} is off); where they
         * offer no ALPN protocol, {@code http/1.1} is offered. Default: the context's defaults.
         * The parameters are read at each connect; do not change them after building.
         *
         * @param parameters the parameters
         * @return this builder
         */
        public Builder tlsParameters(SSLParameters parameters) {
            this.tlsParameters = Objects.requireNonNull(parameters, "parameters");
            return this;
        }

        /**
         * Whether a {@code wss://} server's certificate must name the URL's host (RFC 2818 §3.1,
         * as {@code HttpsURLConnection}). Default: {@code true}. Turning it off lets any
         * certificate the trust managers accept stand for any host: for tests only.
         *
         * @param verify whether to verify the host name
         * @return this builder
         */
        public Builder verifyHostname(boolean verify) {
            this.verifyHostname = verify;
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
                return new WebSocketClient(runtime, tls, tlsParameters, verifyHostname);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
