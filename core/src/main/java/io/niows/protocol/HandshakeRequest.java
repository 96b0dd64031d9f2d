package io.niows.protocol;

import io.niows.internal.handshake.ClientHandshake;
import io.niows.internal.handshake.HandshakeLimits;
import io.niows.internal.handshake.HttpError;
import io.niows.internal.handshake.HttpRequest;
import io.niows.internal.handshake.HttpRequestParser;
import io.niows.internal.handshake.ServerHandshake;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP request that opens a WebSocket connection (RFC 6455 §4.1): the one a server received,
 * or the one a client sends. Header names are looked up case-insensitively; values are as sent.
 *
 * <p>An open connection keeps its request for as long as it lives, and the parsed form (a map,
 * lists, a string per name and value) costs more than a kilobyte; so {@link #compact()} gives the
 * same request holding only the head's bytes, parsed again the first time someone reads it.
 *
 * <p>Thread-safe: the parsed form is computed at most a few times and published safely.
 */
public final class HandshakeRequest {

    private static final SecureRandom KEYS = new SecureRandom();

    /** The head's bytes, or null while the parsed form is kept instead. */
    private final byte[] head;
    private volatile HttpRequest parsed;
    /** The handshake a client sends with this request, or null for a request received. */
    private final ClientHandshake sent;
    /** The permessage-deflate settings a client's request offers, or null. */
    private final PerMessageDeflate deflateOffer;

    private HandshakeRequest(byte[] head, HttpRequest parsed, ClientHandshake sent, PerMessageDeflate deflateOffer) {
        this.head = head;
        this.parsed = parsed;
        this.sent = sent;
        this.deflateOffer = deflateOffer;
    }

    static HandshakeRequest received(HttpRequest request) {
        return new HandshakeRequest(null, request, null, null);
    }

    /**
     * A client's opening request with a fresh random {@code Sec-WebSocket-Key} (RFC 6455 §4.1: "The
     * nonce MUST be selected randomly for each connection").
     *
     * @param host a host name, an IPv4 literal, or an IPv6 literal with or without brackets
     * @param port the server's port; the {@code Host} header names it unless it is 80
     * @param pathAndQuery the request-target in origin form, such as {@code /chat?room=1}; empty
     *     means {@code /}
     * @param subprotocols subprotocols to offer, in order of preference
     * @param headers more headers to send, such as {@code Origin}; not the ones the handshake
     *     writes itself
     * @return the request, ready for {@link WebSocketEngine#client}
     * @throws IllegalArgumentException when an argument cannot be sent as given
     */
    public static HandshakeRequest client(String host, int port, String pathAndQuery, List<String> subprotocols,
            List<Header> headers) {
        return client(host, port, pathAndQuery, subprotocols, headers, PerMessageDeflate.disabled());
    }

    /**
     * A client's opening request that also offers permessage-deflate (RFC 7692) as {@code
     * deflate} says, unless it is disabled; the engine then checks the server's answer against
     * the offer and compresses as agreed.
     *
     * @param host as {@link #client(String, int, String, List, List)}
     * @param port as there
     * @param pathAndQuery as there
     * @param subprotocols as there
     * @param headers as there
     * @param deflate what to offer; {@link PerMessageDeflate#disabled()} offers nothing
     * @return the request
     * @throws IllegalArgumentException as {@link #client(String, int, String, List, List)}
     */
    public static HandshakeRequest client(String host, int port, String pathAndQuery, List<String> subprotocols,
            List<Header> headers, PerMessageDeflate deflate) {
        String offer = DeflateNegotiation.offer(deflate);
        Map<String, String> extra = new LinkedHashMap<>();
        for (Header h : headers) {
            if (extra.put(h.name(), h.value()) != null) {
                throw new IllegalArgumentException("header given twice: " + h.name());
            }
        }
        ClientHandshake handshake = new ClientHandshake(host, port, pathAndQuery, subprotocols, extra, offer, KEYS);
        ByteBuffer bytes = handshake.request();
        byte[] head = new byte[bytes.remaining()];
        bytes.get(head);
        return new HandshakeRequest(head, null, handshake, offer == null ? null : deflate);
    }

    /** {@return the same request, holding only the head's bytes until someone reads it} */
    public HandshakeRequest compact() {
        if (head != null) {
            return this;
        }
        return new HandshakeRequest(parsed.toHead().getBytes(StandardCharsets.ISO_8859_1), null, sent, deflateOffer);
    }

    /** {@return the method, such as {@code GET}} */
    public String method() {
        return parsed().method();
    }

    /** {@return the request-target as sent, such as {@code /chat?room=1}} */
    public String target() {
        return parsed().target();
    }

    /** {@return the path of the target, not percent-decoded, without the query} */
    public String path() {
        return parsed().path();
    }

    /** {@return the query of the target without {@code ?}, not decoded, or {@code null} when it has none} */
    public String query() {
        return parsed().query();
    }

    /**
     * {@return the first value of a header, or {@code null}}
     *
     * @param name the header's name, in any case
     */
    public String header(String name) {
        return parsed().header(name);
    }

    /**
     * {@return every value of a header, in order; empty when absent}
     *
     * @param name the header's name, in any case
     */
    public List<String> headers(String name) {
        return parsed().headerValues(name);
    }

    /** {@return all headers, names as first sent, values in order; unmodifiable} */
    public Map<String, List<String>> headers() {
        return parsed().headerMap();
    }

    /** {@return the subprotocols offered, over all {@code Sec-WebSocket-Protocol} lines, in order} */
    public List<String> subprotocols() {
        return ServerHandshake.offeredSubprotocols(parsed());
    }

    /** The handshake a client sends with this request; null for a request received. */
    ClientHandshake sent() {
        return sent;
    }

    /** The permessage-deflate settings a client's request offers; null when it offers none. */
    PerMessageDeflate deflateOffer() {
        return deflateOffer;
    }

    /** The head's bytes, for a client to send; a new buffer, ready to read. */
    ByteBuffer bytes() {
        return ByteBuffer.wrap(head.clone());
    }

    private HttpRequest parsed() {
        HttpRequest r = parsed;
        if (r == null) {
            HandshakeLimits unbounded = HandshakeLimits.defaults().withMaxHeadSize(head.length)
                    .withMaxRequestLineLength(head.length).withMaxHeaderCount(head.length);
            try {
                r = new HttpRequestParser(unbounded).parse(ByteBuffer.wrap(head));
            } catch (HttpError e) {
                throw new IllegalStateException("a head that was valid once failed to parse again", e);
            }
            parsed = r;
        }
        return r;
    }

    @Override
    public String toString() {
        return method() + " " + target();
    }
}
