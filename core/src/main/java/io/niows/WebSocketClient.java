package io.niows;

import io.niows.internal.reactor.ClientRuntime;
import io.niows.internal.reactor.ConnectionSettings;
import io.niows.protocol.EngineConfig;
import io.niows.protocol.ProxyTunnel;
import io.niows.protocol.WebSocketHandshakeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
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

    /** Resolver threads at most: names are resolved this many at a time, others wait their turn. */
    private static final int RESOLVER_THREADS = 4;
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final ClientRuntime runtime;
    private final HostResolver resolver;
    private final ClientProxy proxy;
    /** Where host names are resolved, off the caller's thread and the loops; threads end when idle. */
    private final ThreadPoolExecutor resolving;
    /** Null until the first {@code wss://} connect when the builder was given none: then the JDK's default. */
    private volatile SSLContext tls;
    /** Applied to each {@code wss://} connection's engine; null for the defaults. */
    private final SSLParameters tlsParameters;
    private final boolean verifyHostname;

    private WebSocketClient(ClientRuntime runtime, Builder settings) {
        this.runtime = runtime;
        this.resolver = settings.resolver;
        this.proxy = settings.proxy;
        this.tls = settings.tls;
        this.tlsParameters = settings.tlsParameters;
        this.verifyHostname = settings.verifyHostname;
        this.resolving = new ThreadPoolExecutor(RESOLVER_THREADS, RESOLVER_THREADS, 10, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread t = new Thread(task, "niows-resolver");
                    t.setDaemon(true);
                    return t;
                });
        resolving.allowCoreThreadTimeOut(true);
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
        List<String> offered = List.copyOf(subprotocols);
        Map<String, String> extra = Map.copyOf(headers);
        SSLEngine ssl;
        try {
            ssl = secure ? clientEngine(bareHost, port) : null;
        } catch (NoSuchAlgorithmException e) {
            return CompletableFuture.failedFuture(new IOException("no default TLS context", e));
        }
        Target to = new Target(bareHost, port, target, offered, extra, ssl);
        CompletableFuture<WebSocket> result = new CompletableFuture<>();
        if (isIpLiteral(bareHost) && proxy == ClientProxy.DIRECT) { // nothing to look up: no thread hop
            resolveAndConnect(to, handler, result);
            return result;
        }
        try {
            resolving.execute(() -> resolveAndConnect(to, handler, result));
        } catch (RejectedExecutionException closed) {
            result.completeExceptionally(new IOException("the client is closed"));
        }
        return result;
    }

    /** Where a connection goes and what it asks for, as {@link #connect} was given it. */
    private record Target(String host, int port, String pathAndQuery, List<String> subprotocols,
            Map<String, String> headers, SSLEngine ssl) {
    }

    /** Resolves a host (a literal without the resolver); an {@link IOException} naming the host if it cannot. */
    private InetAddress lookUp(String host) throws IOException {
        try {
            return isIpLiteral(host) ? InetAddress.getByName(host) : resolver.resolve(host);
        } catch (UnknownHostException | RuntimeException e) {
            throw new IOException("cannot resolve host " + host, e);
        }
    }

    /** Whether {@code host} is an IPv4 or IPv6 literal, which {@link InetAddress#getByName} parses without a lookup. */
    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || IPV4_LITERAL.matcher(host).matches();
    }

    /**
     * On a resolver thread (or the caller's, for an IP literal): resolves the host, then hands
     * the connection to a loop.
     */
    private void resolveAndConnect(Target to, WebSocketHandler handler, CompletableFuture<WebSocket> result) {
        InetSocketAddress address;
        ProxyTunnel tunnel = null;
        try {
            InetSocketAddress via = proxy.proxyFor(to.host, to.port);
            if (via == null) {
                address = new InetSocketAddress(lookUp(to.host), to.port);
            } else {
                address = new InetSocketAddress(lookUp(via.getHostString()), via.getPort());
                tunnel = proxy.tunnelTo(to.host, to.port, ConnectionOptions.DEFAULT_MAX_HANDSHAKE_SIZE);
            }
        } catch (IOException | RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        runtime.connect(address, to.host, to.port, to.pathAndQuery, to.subprotocols, to.headers, to.ssl,
                link -> new Session(link, handler), tunnel).whenComplete((session, failure) -> {
                    if (failure != null) {
                        result.completeExceptionally(failure);
                    } else {
                        result.complete((WebSocket) session);
                    }
                });
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
     * {@return what this client's connections have done so far: connections, refusals, close
     * codes, messages, bytes, frames, ping round trips} Any thread.
     */
    public Metrics metrics() {
        return Metrics.of(runtime.metrics());
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
        resolving.shutdownNow();
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
        private HostResolver resolver = HostResolver.system();
        private ClientProxy proxy = ClientProxy.DIRECT;
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
         * How host names are resolved; called on the client's resolver threads (at most four at
         * once, ended when idle for 10 s), never on the caller's thread nor on a loop, so {@link
         * #connect} returns at once. An IP literal needs no resolver and no thread.
         * Default {@link HostResolver#system()}. The handshake timeout starts once the name is
         * resolved.
         *
         * @param resolver the resolver
         * @return this builder
         */
        public Builder resolver(HostResolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
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
         * Connects through the HTTP proxy at {@code host:port}: each connection asks it for a
         * tunnel to the WebSocket server ({@code CONNECT host:port}, RFC 9110 §9.3.6), then runs
         * the opening handshake through the tunnel. The proxy's name is resolved like a server's;
         * the server's name is resolved by the proxy. A proxy that answers other than 2xx fails the
         * connect future with a {@link io.niows.protocol.ProxyTunnelException} (its status and
         * reason); one that cannot be reached, with an {@link IOException} naming it. The handshake
         * timeout covers the tunnel. A connection's {@link WebSocket#remoteAddress()} is the proxy's.
         *
         * @param host the proxy's host name or IP literal
         * @param port the proxy's port
         * @return this builder
         */
        public Builder proxy(String host, int port) {
            this.proxy = ClientProxy.fixed(Objects.requireNonNull(host, "host"), port, null, null);
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
         * Connects through the HTTP proxy {@code selector} picks for each destination (asked about
         * {@code http://host:port}; its first choice is taken, {@link java.net.Proxy#NO_PROXY} goes
         * directly), as {@link #proxy(String, int)}; {@link ProxySelector#getDefault()} follows the
         * {@code http.proxyHost} system properties. A SOCKS choice fails the connect future.
         *
         * @param selector the selector; called on the client's resolver threads
         * @return this builder
         */
        public Builder proxy(ProxySelector selector) {
            this.proxy = ClientProxy.selected(Objects.requireNonNull(selector, "selector"), null, null);
            return this;
        }

        /**
         * Credentials for the proxy set with {@code proxy}: each {@code CONNECT} carries {@code
         * Proxy-Authorization: Basic} (RFC 7617), readable by anyone who sees the bytes to the proxy.
         *
         * @param user the user name, without a colon
         * @param password the password
         * @return this builder
         * @throws IllegalStateException if no proxy was set before
         * @throws IllegalArgumentException if the user name holds a colon
         */
        public Builder proxyCredentials(String user, String password) {
            if (proxy == ClientProxy.DIRECT) {
                throw new IllegalStateException("set the proxy first");
            }
            if (user.indexOf(':') >= 0) {
                throw new IllegalArgumentException("a Basic user name holds no colon (RFC 7617 §2)");
            }
            this.proxy = proxy.withCredentials(user, Objects.requireNonNull(password, "password"));
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
                return new WebSocketClient(runtime, this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
