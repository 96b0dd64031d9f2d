package io.niows;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * The head of an HTTP request: on a server, one it received (an opening handshake, or a plain
 * HTTP request handed to the {@link HttpHandler fallback}); on a client's connection, the opening
 * handshake the client sent ({@link WebSocket#request()}).
 *
 * <p>Immutable and thread-safe.
 */
public interface HttpRequestHead {

    /** The method, such as {@code GET}. */
    String method();

    /** The path of the request-target, without the query, as received (not percent-decoded). */
    String path();

    /** The query of the request-target without the {@code ?}, as received; {@code null} if none. */
    String query();

    /** The first value of a header (case-insensitive name), or {@code null}. */
    String header(String name);

    /** Every value of a header, in the order received; empty if none. */
    List<String> headers(String name);

    /** Every header, names as received, values in the order received. */
    Map<String, List<String>> headers();

    /** The subprotocols the client offered in {@code Sec-WebSocket-Protocol}, in its order. */
    List<String> subprotocols();

    /** The {@code Origin} header, or {@code null} (non-browser clients usually send none). */
    default String origin() {
        return header("Origin");
    }

    /** The address of the peer. */
    InetSocketAddress remoteAddress();
}
