package io.niows;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSession;

/**
 * The head of an HTTP request: on a server, one it received (an opening handshake, or a plain
 * HTTP request handed to the {@link HttpHandler fallback}); on a client's connection, the opening
 * handshake the client sent ({@link WebSocket#request()}).
 *
 * <p>On an open server connection ({@link WebSocket#request()}) the header methods ({@link
 * #header}, {@link #headers(String)}, {@link #headers()}, {@link #origin()}) throw {@link
 * IllegalStateException} unless the server was built with {@link
 * WebSocketServer.Builder#keepRequestHeaders(boolean) keepRequestHeaders(true)}: by default it
 * keeps only the request-target and the subprotocols offered. A {@link HandshakeHook} and an
 * {@link HttpHandler} always see every header.
 *
 * <p>Immutable and thread-safe.
 */
public interface HttpRequestHead {

    /** {@return the method, such as {@code GET}} */
    String method();

    /** {@return the path of the request-target, without the query, as received (not percent-decoded)} */
    String path();

    /** {@return the query of the request-target without the {@code ?}, as received; {@code null} if none} */
    String query();

    /**
     * {@return the first value of a header, or {@code null}}
     *
     * @param name the header's name, in any case
     */
    String header(String name);

    /**
     * {@return every value of a header, in the order received; empty if none}
     *
     * @param name the header's name, in any case
     */
    List<String> headers(String name);

    /** {@return every header, names as received, values in the order received} */
    Map<String, List<String>> headers();

    /** {@return the subprotocols the client offered in {@code Sec-WebSocket-Protocol}, in its order} */
    List<String> subprotocols();

    /** {@return the {@code Origin} header, or {@code null}} Non-browser clients usually send none. */
    default String origin() {
        return header("Origin");
    }

    /** {@return the address of the peer} */
    InetSocketAddress remoteAddress();

    /**
     * {@return the TLS session of the connection the request came over (on a client: went over),
     * or {@code null} over plain TCP}
     *
     * <p>On a server it is the server's side of the session: {@link SSLSession#getPeerPrincipal()}
     * and {@link SSLSession#getPeerCertificates()} name the client when it presented a
     * certificate (see {@link WebSocketServer.Builder#tlsParameters}; both throw {@link
     * javax.net.ssl.SSLPeerUnverifiedException} when it presented none), and {@link
     * SSLSession#getProtocol()} and {@link SSLSession#getCipherSuite()} say what was agreed. A
     * {@link HandshakeHook} can refuse a client by its certificate here; a handler reads the same
     * session from {@link WebSocket#request()}. On a server with {@link
     * WebSocketServer.Builder#plainAlongsideTls(boolean) plainAlongsideTls(true)} a plain
     * connection answers {@code null}: a hook that requires a client certificate refuses those
     * too. On a client's connection it is the client's side: the peer is the server.
     *
     * <p>It is the connection's own session object, not a copy (an open connection keeps nothing
     * more for it); the JDK's sessions may be read from any thread. The default answers {@code
     * null}: niows' own requests override it.
     */
    default SSLSession tlsSession() {
        return null;
    }
}
