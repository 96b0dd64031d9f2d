package io.niows;

import io.niows.protocol.ProxyTunnel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Which HTTP proxy, if any, a client's connection goes through: one given proxy, or the one a
 * {@link ProxySelector} picks per destination; and the credentials for it.
 *
 * <p>Immutable; thread-safe as far as its selector is.
 */
final class ClientProxy {

    /** No proxy: every connection goes directly. */
    static final ClientProxy DIRECT = new ClientProxy(null, null, null, null);

    private final InetSocketAddress fixed;
    private final ProxySelector selector;
    private final String user;
    private final String password;

    private ClientProxy(InetSocketAddress fixed, ProxySelector selector, String user, String password) {
        this.fixed = fixed;
        this.selector = selector;
        this.user = user;
        this.password = password;
    }

    /** Every connection through the HTTP proxy at {@code host:port}, resolved when a connection starts. */
    static ClientProxy fixed(String host, int port, String user, String password) {
        return new ClientProxy(InetSocketAddress.createUnresolved(host, port), null, user, password);
    }

    /** Each connection through the proxy {@code selector} picks for it, or directly. */
    static ClientProxy selected(ProxySelector selector, String user, String password) {
        return new ClientProxy(null, selector, user, password);
    }

    /** The same proxy with credentials for {@code Proxy-Authorization: Basic}. */
    ClientProxy withCredentials(String newUser, String newPassword) {
        return new ClientProxy(fixed, selector, newUser, newPassword);
    }

    /**
     * {@return the proxy for a connection to {@code host:port}, unresolved, or {@code null} to go
     * directly} The selector is asked about {@code http://host:port}, the URI a WebSocket
     * handshake starts as (RFC 6455 §3), and its first choice is taken.
     *
     * @throws IOException if the selector chose a proxy that is not an HTTP one
     */
    InetSocketAddress proxyFor(String host, int port) throws IOException {
        if (fixed != null || selector == null) {
            return fixed;
        }
        List<Proxy> choices;
        try {
            choices = selector.select(new URI("http", null, host, port, null, null, null));
        } catch (URISyntaxException e) {
            throw new IOException("no URI for " + host + ":" + port, e);
        }
        Proxy first = choices == null || choices.isEmpty() ? Proxy.NO_PROXY : choices.get(0);
        if (first.type() == Proxy.Type.DIRECT) {
            return null;
        }
        if (first.type() != Proxy.Type.HTTP || !(first.address() instanceof InetSocketAddress)) {
            throw new IOException("the proxy selector chose " + first + ": only HTTP proxies are supported");
        }
        return (InetSocketAddress) first.address();
    }

    /** {@return the tunnel to ask a proxy for, to {@code host:port}} */
    ProxyTunnel tunnelTo(String host, int port, int maxAnswerSize) {
        return new ProxyTunnel(host, port, user, password, maxAnswerSize);
    }
}
