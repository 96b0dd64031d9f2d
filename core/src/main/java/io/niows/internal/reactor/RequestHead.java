package io.niows.internal.reactor;

import io.niows.HttpRequestHead;
import io.niows.internal.handshake.HandshakeLimits;
import io.niows.internal.handshake.HttpError;
import io.niows.internal.handshake.HttpRequest;
import io.niows.internal.handshake.HttpRequestParser;
import io.niows.internal.handshake.ServerHandshake;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The application's view of a request head: the one a server received, or the one a client
 * sent.
 *
 * <p>An open connection keeps its handshake request for as long as it lives, and the parsed
 * form (a map, lists, a string per name and value) costs more than a kilobyte. So a connection
 * keeps the {@linkplain #compact() compact form}: the head's bytes, parsed again the first time
 * the application asks for it.
 *
 * <p>Thread-safe: the parsed form is computed at most a few times and published safely.
 */
final class RequestHead implements HttpRequestHead {

    private final byte[] head;
    private final InetSocketAddress remote;
    private volatile HttpRequest request;

    RequestHead(HttpRequest request, InetSocketAddress remote) {
        this.request = request;
        this.head = null;
        this.remote = remote;
    }

    private RequestHead(byte[] head, InetSocketAddress remote) {
        this.head = head;
        this.remote = remote;
    }

    /**
     * The compact form of a request this end wrote: a client's opening handshake, as it went out.
     *
     * @param head the request's bytes from position to limit (the buffer is untouched)
     * @param remote the server the request went to
     */
    static RequestHead sent(ByteBuffer head, InetSocketAddress remote) {
        byte[] bytes = new byte[head.remaining()];
        head.duplicate().get(bytes);
        return new RequestHead(bytes, remote);
    }

    /** The same request, holding only the head's bytes until someone reads it. */
    RequestHead compact() {
        return new RequestHead(parsed().toHead().getBytes(StandardCharsets.ISO_8859_1), remote);
    }

    private HttpRequest parsed() {
        HttpRequest r = request;
        if (r == null) {
            HandshakeLimits unbounded = HandshakeLimits.defaults().withMaxHeadSize(head.length)
                    .withMaxRequestLineLength(head.length).withMaxHeaderCount(head.length);
            try {
                r = new HttpRequestParser(unbounded).parse(ByteBuffer.wrap(head));
            } catch (HttpError e) {
                throw new IllegalStateException("a head that parsed once failed to parse again", e);
            }
            request = r;
        }
        return r;
    }

    @Override
    public String method() {
        return parsed().method();
    }

    @Override
    public String path() {
        return parsed().path();
    }

    @Override
    public String query() {
        return parsed().query();
    }

    @Override
    public String header(String name) {
        return parsed().header(name);
    }

    @Override
    public List<String> headers(String name) {
        return parsed().headerValues(name);
    }

    @Override
    public Map<String, List<String>> headers() {
        return parsed().headerMap();
    }

    @Override
    public List<String> subprotocols() {
        return ServerHandshake.offeredSubprotocols(parsed());
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public String toString() {
        return method() + " " + parsed().target() + " from " + remote;
    }
}
