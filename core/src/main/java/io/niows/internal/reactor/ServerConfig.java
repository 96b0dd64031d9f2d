package io.niows.internal.reactor;

import java.net.InetSocketAddress;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Everything a server's loops need to know, fixed when the server is built.
 *
 * <p>Immutable and thread-safe.
 *
 * @param address where to listen
 * @param upgrades how request heads are answered and who receives accepted connections
 * @param loops how many selector loops
 * @param connection each connection's limits and timeouts
 * @param limits the server-wide limits: connections and memory
 * @param onServerError told once, on a thread of its own, if the server failed and stopped
 * @param tls the TLS context every accepted connection's {@code SSLEngine} comes from, or null for plain TCP
 * @param tlsParameters with {@code tls}: the parameters of every server engine, or null for the context's defaults;
 *     the record keeps its own copy, made through an engine of {@code tls}
 * @param plainToo with {@code tls}: a connection whose first byte does not begin a TLS handshake is served plain
 */
public record ServerConfig(
        InetSocketAddress address,
        Upgrades upgrades,
        int loops,
        ConnectionSettings connection,
        ServerLimits limits,
        Consumer<Throwable> onServerError,
        SSLContext tls,
        SSLParameters tlsParameters,
        boolean plainToo) {

    /**
     * Copies the TLS parameters (the builder has checked that a context comes with them).
     *
     * @throws IllegalArgumentException if the context refuses one of the TLS parameters
     */
    public ServerConfig {
        if (tlsParameters != null) {
            tlsParameters = TlsStage.serverParameters(tls, tlsParameters);
        }
    }

    /** {@return a new server-mode engine for a TLS connection from {@code remote}, with the parameters} */
    SSLEngine tlsEngine(InetSocketAddress remote) {
        return TlsStage.serverEngine(tls, tlsParameters, remote);
    }
}
