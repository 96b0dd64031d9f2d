package io.niows.internal.reactor;

import io.niows.HttpRequestHead;
import io.niows.internal.handshake.HttpRequest;
import io.niows.internal.handshake.ServerHandshake;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * The application's view of a parsed request head.
 *
 * <p>Immutable and thread-safe.
 */
final class RequestHead implements HttpRequestHead {

    private final HttpRequest request;
    private final InetSocketAddress remote;

    RequestHead(HttpRequest request, InetSocketAddress remote) {
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
        return request.headerValues(name);
    }

    @Override
    public Map<String, List<String>> headers() {
        return request.headerMap();
    }

    @Override
    public List<String> subprotocols() {
        return ServerHandshake.offeredSubprotocols(request);
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public String toString() {
        return request.method() + " " + request.target() + " from " + remote;
    }
}
