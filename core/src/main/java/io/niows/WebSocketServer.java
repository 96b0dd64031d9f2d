package io.niows;

import io.niows.internal.reactor.ServerConfig;
import io.niows.internal.reactor.ServerLimits;
import io.niows.internal.reactor.ServerRuntime;
import io.niows.protocol.EngineConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A WebSocket server (RFC 6455) on {@code java.nio} selectors: one acceptor thread and a fixed
 * number of selector loops, whatever the number of connections.
 *
 * <pre>{@code
 * try (WebSocketServer server = WebSocketServer.builder()
 *         .port(9001)
 *         .route("/echo", new WebSocketHandler() {
 *             public void onText(WebSocket ws, String text) { ws.sendText(text); }
 *         })
 *         .build()
 *         .start()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} is graceful: it stops accepting, sends 1001 to every open
 * connection, waits for their close handshakes up to a timeout, then drops what is left; every
 * thread of the server has ended when it returns.
 */
public final class WebSocketServer implements AutoCloseable {

    /** How long {@link #close()} waits for close handshakes. */
    public static final Duration DEFAULT_CLOSE_WAIT = Duration.ofSeconds(5);

    private final ServerConfig config;
    private volatile ServerRuntime runtime;
    private final boolean jmx;
    /**
     * The MBean's {@code ObjectName} while it is registered, typed {@code Object} so that a server
     * without JMX never loads {@code java.management}; guarded by this.
     */
    private Object registered;

    private WebSocketServer(ServerConfig config, boolean jmx) {
        this.config = config;
        this.jmx = jmx;
    }

    /** {@return a builder with the defaults: all interfaces, port 8080, no routes} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the port and starts the threads.
     *
     * @return this server
     * @throws IOException if the address cannot be bound
     * @throws IllegalStateException if already started
     */
    public synchronized WebSocketServer start() throws IOException {
        if (runtime != null) {
            throw new IllegalStateException("already started");
        }
        runtime = ServerRuntime.start(config);
        if (jmx) {
            try {
                registered = ServerJmx.register(port(), this::metrics);
            } catch (RuntimeException e) {
                stop();
                throw e;
            }
        }
        return this;
    }

    /**
     * {@return whether the server is accepting and serving: started, not closed, and not failed}
     * See {@link Builder#onServerError}.
     */
    public boolean isRunning() {
        ServerRuntime r = runtime;
        return r != null && r.isRunning();
    }

    /**
     * {@return the bound address, with the real port when port 0 was asked for}
     *
     * @throws IllegalStateException if the server was not started
     */
    public InetSocketAddress address() {
        return started().address();
    }

    /**
     * {@return the bound port}
     *
     * @throws IllegalStateException if the server was not started
     */
    public int port() {
        return address().getPort();
    }

    /** Graceful close, waiting up to {@link #DEFAULT_CLOSE_WAIT} for close handshakes. */
    @Override
    public void close() {
        close(DEFAULT_CLOSE_WAIT);
    }

    /**
     * Graceful close, waiting up to {@code timeout} for close handshakes.
     *
     * @param timeout how long to wait for the close handshakes before dropping what is left
     */
    public void close(Duration timeout) {
        ServerRuntime r = runtime;
        if (r == null) {
            return;
        }
        unregister();
        try {
            r.close(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hard stop: drops every connection without a close handshake; threads end. */
    public void stop() {
        ServerRuntime r = runtime;
        if (r == null) {
            return;
        }
        unregister();
        try {
            r.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@return what this server has done so far: connections, refusals, close codes, messages,
     * bytes, frames, broadcast evictions, loop stalls, ping round trips} All zero before {@link
     * #start()}; counting goes on until the server stops. Cheap enough to call every second: it
     * sums a few counters per loop. Any thread.
     */
    public Metrics metrics() {
        return Metrics.of(config.connection().metrics());
    }

    private synchronized void unregister() {
        if (registered != null) {
            ServerJmx.unregister(registered);
            registered = null;
        }
    }

    /** The running server's machinery, for a client that shares its loops. */
    ServerRuntime runtime() {
        return started();
    }

    private ServerRuntime started() {
        ServerRuntime r = runtime;
        if (r == null) {
            throw new IllegalStateException("not started");
        }
        return r;
    }

    /**
     * Collects a server's settings; every limit has a default. The settings a client takes too
     * (loops, size limits, write-queue bounds, timeouts) are those of {@link ConnectionOptions}.
     *
     * <p>Not thread-safe: build on one thread.
     */
    public static final class Builder extends ConnectionOptions<Builder> {
        private String host = "0.0.0.0";
        private int port = 8080;
        private final Map<String, WebSocketHandler> routes = new LinkedHashMap<>();
        private WebSocketHandler defaultRoute;
        private HttpHandler fallback = request -> HttpResponse.text(426, "this is a WebSocket endpoint")
                .withHeader("Upgrade", "websocket")
                .withHeader("Sec-WebSocket-Version", "13");
        private HandshakeHook hook = HandshakeHook.ACCEPT_ALL;
        private final List<String> subprotocols = new ArrayList<>();
        private Consumer<Throwable> onServerError = failure -> { };
        private int maxConnections = 10_000;
        private int maxConnectionsPerAddress;
        /** 0 until set: then as many as {@link #maxConnections}. */
        private int maxHandshakes;
        private long memoryBudget = Runtime.getRuntime().maxMemory() / 2;
        private boolean jmx;
        private SSLContext tls;
        private SSLParameters tlsParameters;
        private boolean plainToo;
        private boolean keepRequestHeaders;

        private Builder() {
            super(Runtime.getRuntime().availableProcessors());
        }

        /**
         * The interface to listen on, by name or literal; default {@code 0.0.0.0} (all).
         *
         * @param host a host name or an address literal
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * The port; 0 picks a free one ({@link WebSocketServer#port()} tells which). Default 8080.
         *
         * @param port 0 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Serves WebSocket upgrades to exactly this path (the query is ignored) with {@code handler}.
         *
         * @param path the path, starting with {@code /}
         * @param handler the handler of every connection upgraded on that path
         * @return this builder
         */
        public Builder route(String path, WebSocketHandler handler) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("a path starts with /: " + path);
            }
            routes.put(path, Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /**
         * Serves upgrades to every path no route names; without it those get 404.
         *
         * @param handler the handler of those connections
         * @return this builder
         */
        public Builder defaultRoute(WebSocketHandler handler) {
            this.defaultRoute = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Answers plain HTTP requests; default: 426 Upgrade Required.
         *
         * @param fallback the handler of every request that is not a WebSocket upgrade
         * @return this builder
         */
        public Builder fallback(HttpHandler fallback) {
            this.fallback = Objects.requireNonNull(fallback, "fallback");
            return this;
        }

        /**
         * Serves TLS ({@code wss://}, and {@code https://} through the {@link #fallback}) on this
         * server's port with this context's key managers, on the same selector loops: each
         * connection's {@code SSLEngine} is a byte stage under the protocol, and the handshake
         * timeout covers the TLS handshake. {@link TlsContexts} loads a context from a PKCS#12
         * keystore or from PEM files. Default: plain TCP.
         *
         * @param context the context, with key managers holding the server's certificate
         * @return this builder
         */
        public Builder tls(SSLContext context) {
            this.tls = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * TLS parameters for every connection's {@code SSLEngine}: protocols, cipher suites and
         * their order, named groups and signature schemes, and whether a client must ({@link
         * SSLParameters#setNeedClientAuth}) or may ({@link SSLParameters#setWantClientAuth})
         * present a certificate, which the context's trust managers then check. Needs {@link
         * #tls}: {@link #build()} refuses parameters without a context, since serving plain TCP
         * in place of a TLS the parameters restrict would weaken the server silently. Default:
         * the context's defaults.
         *
         * <p>{@link #build()} reads them once, through an engine of the context: later changes to
         * {@code parameters} change nothing, and a protocol or cipher suite the context does not
         * support fails the build with {@link IllegalArgumentException}. niows sets each engine's
         * server mode itself. It speaks HTTP/1.1 alone, so ALPN ({@link
         * SSLParameters#setApplicationProtocols}) may name {@code http/1.1} and nothing else;
         * without it the server takes no part in ALPN.
         *
         * <p>Mutual TLS, accepting only clients whose certificate the context's trust managers
         * trust, and telling who they are:
         *
         * <pre>{@code
         * SSLContext context = SSLContext.getInstance("TLS");
         * context.init(serverKeys.getKeyManagers(), clientCertificateAuthorities.getTrustManagers(), null);
         * SSLParameters parameters = new SSLParameters();
         * parameters.setProtocols(new String[] {"TLSv1.3"});
         * parameters.setNeedClientAuth(true); // no certificate, or an untrusted one: the TLS handshake fails
         * WebSocketServer server = WebSocketServer.builder()
         *         .tls(context)
         *         .tlsParameters(parameters)
         *         .handshakeHook(request -> {
         *             try {
         *                 Principal client = request.tlsSession().getPeerPrincipal();
         *                 return allowed.contains(client.getName()) ? HandshakeDecision.accept()
         *                         : HandshakeDecision.refuse(403, "not allowed");
         *             } catch (SSLPeerUnverifiedException noCertificate) { // with setWantClientAuth
         *                 return HandshakeDecision.refuse(403, "a client certificate is required");
         *             }
         *         })
         *         .route("/", handler)
         *         .build();
         * }</pre>
         *
         * <p>A client the TLS handshake refuses never reaches the hook nor a handler: it counts
         * as accepted in {@link WebSocketServer#metrics()}, neither opened nor refused, and the
         * server logs it at {@code DEBUG}. With {@link #plainAlongsideTls(boolean)
         * plainAlongsideTls(true)} the parameters apply to TLS connections only: a plain
         * connection presents no certificate and its {@link HttpRequestHead#tlsSession()} is
         * {@code null}, so check it in the hook.
         *
         * @param parameters the parameters
         * @return this builder
         */
        public Builder tlsParameters(SSLParameters parameters) {
            this.tlsParameters = Objects.requireNonNull(parameters, "parameters");
            return this;
        }

        /**
         * With {@link #tls}: serve plain connections on the same port too. A connection whose
         * first byte begins a TLS handshake record (0x16) goes through TLS; any other is served
         * as plain HTTP and {@code ws://}. Default: off, a TLS port takes TLS only. Without
         * {@link #tls} it changes nothing.
         *
         * <p>The trade-off: the port no longer guarantees encryption. A page or a client that
         * was meant to use {@code https://} or {@code wss://} but is given an {@code http://} or
         * {@code ws://} URL (by a typo, an old link, or an attacker on the path who rewrites
         * links) is served in clear text, cookies and all, and nothing on the server notices.
         * Use it where plain connections are acceptable anyway (a development server, a
         * loopback or private network); on the open internet keep plain on a port of its own
         * that only redirects, or not at all. The first byte is read before the handshake
         * timer's end like any other, so a client that connects and sends nothing is dropped
         * when the handshake timeout passes.
         *
         * @param plainToo whether plain connections are served on the TLS port
         * @return this builder
         */
        public Builder plainAlongsideTls(boolean plainToo) {
            this.plainToo = plainToo;
            return this;
        }

        /**
         * Decides on each upgrade that passed the RFC checks; default: accept all.
         *
         * @param hook the decision, for every route
         * @return this builder
         */
        public Builder handshakeHook(HandshakeHook hook) {
            this.hook = Objects.requireNonNull(hook, "hook");
            return this;
        }

        /**
         * The subprotocols this server speaks, most preferred first; default none.
         *
         * @param names the subprotocols, replacing any set before
         * @return this builder
         */
        public Builder subprotocols(String... names) {
            subprotocols.clear();
            subprotocols.addAll(List.of(names));
            return this;
        }

        /**
         * Told once, on a thread of its own, if the server failed as a whole: a selector loop
         * died of something no single connection caused (its connections got 1011 where they
         * could). By then the server has stopped accepting, closed its other connections with
         * 1001 and {@link WebSocketServer#isRunning()} is false; a program that only serves
         * WebSockets would typically log and exit non-zero here. Errors from one connection's
         * work, a handler's included, never get here: they cost that connection alone. Default:
         * nothing beyond the ERROR the loop logs.
         *
         * @param onServerError told the failure
         * @return this builder
         */
        public Builder onServerError(Consumer<Throwable> onServerError) {
            this.onServerError = Objects.requireNonNull(onServerError, "onServerError");
            return this;
        }

        /**
         * Connections open at once, those still in their opening handshake included; past it a
         * new connection is answered 503 with {@code Retry-After: 1} and closed. Default 10,000.
         *
         * @param connections the most connections, at least 1
         * @return this builder
         */
        public Builder maxConnections(int connections) {
            this.maxConnections = (int) Settings.positive(connections, "maxConnections");
            return this;
        }

        /**
         * Connections open at once from one remote address (503 past it); default 0: no limit,
         * since every client behind a proxy or a NAT shares one address. Set it on a server
         * exposed to clients that connect directly.
         *
         * @param connections the most connections from one address; 0 for no limit
         * @return this builder
         */
        public Builder maxConnectionsPerAddress(int connections) {
            if (connections < 0) {
                throw new IllegalArgumentException("maxConnectionsPerAddress must not be negative: " + connections);
            }
            this.maxConnectionsPerAddress = connections;
            return this;
        }

        /**
         * Connections at once that have not finished their opening handshake (503 past it), a
         * bound on half-open handshakes beside the {@linkplain #handshakeTimeout timeout}: set it
         * below {@link #maxConnections} to keep room for real clients while slow ones hold
         * handshakes open. Default: no bound of its own (as many as {@code maxConnections}), since
         * a client that opens thousands of connections at once is a normal load test.
         *
         * @param handshakes the most handshakes in progress, at least 1
         * @return this builder
         */
        public Builder maxHandshakesInProgress(int handshakes) {
            this.maxHandshakes = (int) Settings.positive(handshakes, "maxHandshakesInProgress");
            return this;
        }

        /**
         * The bytes all connections together may hold in unfinished incoming messages and in
         * write queues. Past it, a message that needs more room is refused with 1013 (Try Again
         * Later) and each loop closes its busiest connection (1013) until the total is back
         * under. Default: half the maximum heap.
         *
         * @param bytes the budget, at least 1
         * @return this builder
         */
        public Builder memoryBudget(long bytes) {
            this.memoryBudget = Settings.positive(bytes, "memoryBudget");
            return this;
        }

        /**
         * Whether {@link WebSocketServer#start()} registers a {@link WebSocketServerMXBean} with the
         * platform MBean server, as {@code io.niows:type=WebSocketServer,port=<port>} (unregistered
         * by {@code close()} and {@code stop()}). Default: no. Needs the {@code java.management}
         * module (part of every full JDK; a modular application adds it to its graph).
         *
         * @param register whether to register the MBean
         * @return this builder
         */
        public Builder jmx(boolean register) {
            this.jmx = register;
            return this;
        }

        /**
         * Whether an open connection keeps its opening request's headers, so that {@link
         * WebSocket#request()} answers {@link HttpRequestHead#header header}, {@link
         * HttpRequestHead#headers() headers} and {@link HttpRequestHead#origin() origin}. Default:
         * no. Then a connection keeps only the request-target and the subprotocols offered (method,
         * path, query, subprotocols and remote address still answer; the header methods throw
         * {@link IllegalStateException}), which saves the head's size on every connection for as
         * long as it lives: some 150 bytes for a bare client's request, a kilobyte or more for a
         * browser's with its cookies. The {@link HandshakeHook} sees every header either way, so a
         * check of {@code Origin}, a cookie or a token belongs there.
         *
         * @param keep whether to keep every header of the opening request
         * @return this builder
         */
        public Builder keepRequestHeaders(boolean keep) {
            this.keepRequestHeaders = keep;
            return this;
        }

        /**
         * {@return the server, not started yet: {@link WebSocketServer#start()} binds it}
         *
         * @throws IllegalStateException if {@link #tlsParameters} were set without {@link #tls}
         * @throws IllegalArgumentException if the TLS context refuses one of the TLS parameters
         */
        public WebSocketServer build() {
            if (tlsParameters != null && tls == null) {
                throw new IllegalStateException("tlsParameters(...) apply to TLS: set tls(SSLContext) too, "
                        + "or drop them to serve plain TCP");
            }
            ServerConfig config = new ServerConfig(new InetSocketAddress(host, port),
                    new ServerUpgrade(routes, defaultRoute, fallback, hook, subprotocols, keepRequestHeaders),
                    loops(), connectionSettings(EngineConfig.server()),
                    new ServerLimits(maxConnections, maxConnectionsPerAddress,
                            maxHandshakes == 0 ? maxConnections : Math.min(maxHandshakes, maxConnections), memoryBudget),
                    onServerError, tls, tlsParameters, plainToo && tls != null);
            return new WebSocketServer(config, jmx);
        }
    }
}
