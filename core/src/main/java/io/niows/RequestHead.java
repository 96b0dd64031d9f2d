package io.niows;

import io.niows.internal.handshake.HttpRequest;
import io.niows.protocol.HandshakeRequest;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSession;

/**
 * The application's view of an opening request, made when asked for: either over the whole
 * {@link HandshakeRequest}, or over the part of it a server's connection keeps by default, its
 * request-target and the subprotocols offered (see {@link #keep}); then the header methods throw.
 *
 * <p>Immutable and thread-safe.
 */
final class RequestHead implements HttpRequestHead {

    /** A server's opening request is always a GET: any other method was answered 405. */
    private static final String UPGRADE_METHOD = "GET";

    /** The whole request, or null when only the target and the subprotocols were kept. */
    private final HandshakeRequest request;
    /** Without the whole request: its target and the subprotocols it offered; else null. */
    private final String target;
    private final List<String> subprotocols;
    private final InetSocketAddress remote;
    /** The connection's TLS session, a reference to its engine's; null over plain TCP. */
    private final SSLSession tls;

    RequestHead(HandshakeRequest request, InetSocketAddress remote, SSLSession tls) {
        this(request, null, null, remote, tls);
    }

    private RequestHead(HandshakeRequest request, String target, List<String> subprotocols, InetSocketAddress remote,
            SSLSession tls) {
        this.request = request;
        this.target = target;
        this.subprotocols = subprotocols;
        this.remote = remote;
        this.tls = tls;
    }

    /**
     * What a server's connection keeps of its opening request for {@link WebSocket#request()}, as
     * little as it can: the request in its compact form when the server keeps headers; else the
     * target alone when no subprotocol was offered (most requests), or the target with the
     * subprotocols offered. {@link #of} turns it back into a view.
     *
     * @param request the request as received
     * @param target the request's target, or an equal string the caller holds anyway (a route's path)
     * @param headers whether to keep the headers
     */
    static Object keep(HandshakeRequest request, String target, boolean headers) {
        if (headers) {
            return request.compact();
        }
        List<String> offered = request.subprotocols();
        return offered.isEmpty() ? target : new Line(target, List.copyOf(offered));
    }

    /**
     * The view of what {@link #keep} returned.
     *
     * @param kept the value {@link #keep} returned
     * @param remote the peer's address
     * @param tls the connection's TLS session, or null
     */
    static HttpRequestHead of(Object kept, InetSocketAddress remote, SSLSession tls) {
        if (kept instanceof HandshakeRequest) {
            return new RequestHead((HandshakeRequest) kept, remote, tls);
        }
        if (kept instanceof Line) {
            Line line = (Line) kept;
            return new RequestHead(null, line.target, line.subprotocols, remote, tls);
        }
        return new RequestHead(null, (String) kept, List.of(), remote, tls);
    }

    @Override
    public String method() {
        return request == null ? UPGRADE_METHOD : request.method();
    }

    @Override
    public String path() {
        return request == null ? HttpRequest.pathOf(target) : request.path();
    }

    @Override
    public String query() {
        return request == null ? HttpRequest.queryOf(target) : request.query();
    }

    @Override
    public String header(String name) {
        return whole().header(name);
    }

    @Override
    public List<String> headers(String name) {
        return whole().headers(name);
    }

    @Override
    public Map<String, List<String>> headers() {
        return whole().headers();
    }

    @Override
    public List<String> subprotocols() {
        return request == null ? subprotocols : request.subprotocols();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public SSLSession tlsSession() {
        return tls;
    }

    private HandshakeRequest whole() {
        if (request == null) {
            throw new IllegalStateException("this server keeps no request headers past the handshake: read them in "
                    + "its HandshakeHook, or build it with keepRequestHeaders(true)");
        }
        return request;
    }

    @Override
    public String toString() {
        return (request == null ? UPGRADE_METHOD + " " + target : request.toString()) + " from " + remote;
    }

    /** The target and the subprotocols offered, for a request that offered some. */
    private static final class Line {
        final String target;
        final List<String> subprotocols;

        Line(String target, List<String> subprotocols) {
            this.target = target;
            this.subprotocols = subprotocols;
        }
    }
}
