package io.niows.protocol;

import io.niows.internal.handshake.HandshakeLimits;
import io.niows.internal.handshake.HeadWriter;
import io.niows.internal.handshake.HttpError;
import io.niows.internal.handshake.HttpResponseHead;
import io.niows.internal.handshake.HttpResponseParser;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * An HTTP proxy tunnel, without I/O: the {@code CONNECT} request that asks a proxy for a TCP
 * tunnel to the WebSocket server (RFC 9110 §9.3.6), and the reading of its answer. Any 2xx
 * establishes the tunnel, and the opening handshake then goes through it as if connected
 * directly; anything else is a {@link ProxyTunnelException} with the proxy's status and reason.
 * With credentials, the request carries {@code Proxy-Authorization: Basic} (RFC 7617): sent in
 * the clear to the proxy, as HTTP does.
 *
 * <p>Not thread-safe: one per connection, driven by one thread.
 */
public final class ProxyTunnel {

    private final String authority;
    private final String credentials;
    private final HttpResponseParser parser;

    /**
     * A tunnel to {@code host:port}.
     *
     * @param host the WebSocket server's host name or IP literal (an IPv6 one without brackets)
     * @param port its port
     * @param user the proxy user, or {@code null} for no {@code Proxy-Authorization}
     * @param password the proxy password; ignored without a user
     * @param maxAnswerSize the largest answer head accepted, in bytes
     */
    public ProxyTunnel(String host, int port, String user, String password, int maxAnswerSize) {
        Objects.requireNonNull(host, "host");
        this.authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        this.credentials = user == null ? null : Base64.getEncoder()
                .encodeToString((user + ":" + Objects.requireNonNull(password, "password"))
                        .getBytes(StandardCharsets.UTF_8));
        this.parser = new HttpResponseParser(HandshakeLimits.defaults().withMaxHeadSize(maxAnswerSize), true);
    }

    /** {@return the {@code CONNECT} request head, ready to write} */
    public ByteBuffer request() {
        HeadWriter head = HeadWriter.connect(authority).header("Host", authority);
        if (credentials != null) {
            head.header("Proxy-Authorization", "Basic " + credentials);
        }
        return head.finish();
    }

    /**
     * Reads the proxy's answer.
     *
     * @param in bytes from the proxy; on success its position is just past the answer's head
     * @return {@code true} once the tunnel is established, {@code false} while more is needed
     * @throws ProxyTunnelException if the proxy refused (any status but 2xx) or the answer is not HTTP
     */
    public boolean read(ByteBuffer in) throws ProxyTunnelException {
        HttpResponseHead head;
        try {
            head = parser.parse(in);
        } catch (HttpError e) {
            throw new ProxyTunnelException(-1, "", "the proxy's answer to CONNECT " + authority
                    + " is not HTTP: " + e.getMessage());
        }
        if (head == null) {
            return false;
        }
        if (head.status() / 100 != 2) {
            throw new ProxyTunnelException(head.status(), head.reason(), "the proxy refused the tunnel to "
                    + authority + ": " + head.status() + " " + head.reason());
        }
        return true;
    }
}
