package io.niows;

import io.niows.protocol.HandshakeRequest;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * The application's view of an opening request: the protocol's {@link HandshakeRequest} and the
 * peer's address. Made when asked for; a connection keeps only the request's compact form.
 *
 * <p>Immutable and thread-safe.
 */
final class RequestHead implements HttpRequestHead {

    private final HandshakeRequest request;
    private final InetSocketAddress remote;

    RequestHead(HandshakeRequest request, InetSocketAddress remote) {
        this.request = request;
        this.remote = remote;
    }

    @Override
    public String method() {
        return request.method();
    }

    @Override
    public String path() {
        return request.path();
    }

    @Override
    public String query() {
        return request.query();
    }

    @Override
    public String header(String name) {
        return request.header(name);
    }

    @Override
    public List<String> headers(String name) {
        return request.headers(name);
    }

    @Override
    public Map<String, List<String>> headers() {
        return request.headers();
    }

    @Override
    public List<String> subprotocols() {
        return request.subprotocols();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public String toString() {
        return request + " from " + remote;
    }
}
