package io.niows.internal.handshake;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The client's side of the opening handshake (RFC 6455 §4.1): the GET request with a fresh key,
 * and the checks of the server's answer. It writes the extension offer it is given; whether the
 * server's choice of extensions fits that offer is checked by the protocol layer (with no offer,
 * any extension chosen fails the handshake here).
 *
 * <p>Immutable after construction and thread-safe; one instance per connection attempt, since
 * each carries its own key.
 */
public final class ClientHandshake {

    private static final int KEY_BYTES = 16;
    private static final int DEFAULT_PORT = 80;
    private static final Set<String> OWN_HEADERS = Set.of("host", "upgrade", "connection",
            "sec-websocket-key", "sec-websocket-version", "sec-websocket-protocol",
            "sec-websocket-extensions");

    private final String key;
    private final List<String> subprotocols;
    private final byte[] request;
    private final String extensionOffer;

    /**
     * @param host a host name, an IPv4 literal, or an IPv6 literal with or without brackets
     * @param port the server's port; the {@code Host} header names it unless it is 80
     * @param pathAndQuery the request-target in origin form, e.g. {@code /chat?room=1}; empty
     *     means {@code /}
     * @param subprotocols subprotocols to offer, in the client's order of preference
     * @param extraHeaders headers to send, name to value, in the map's order, e.g. {@code Origin};
     *     not the headers this class writes itself
     * @param keySource where the key's 16 bytes come from: a {@code SecureRandom} in production
     *     (§4.1: "The nonce MUST be selected randomly for each connection"), seeded in tests
     * @throws IllegalArgumentException when an argument cannot be sent as given
     */
    public ClientHandshake(String host, int port, String pathAndQuery, List<String> subprotocols,
            Map<String, String> extraHeaders, Random keySource) {
        this(host, port, pathAndQuery, subprotocols, extraHeaders, null, keySource);
    }

    /**
     * A handshake that also offers extensions, as {@link #ClientHandshake(String, int, String,
     * List, Map, Random)}.
     *
     * @param extensionOffer the {@code Sec-WebSocket-Extensions} value to send, or {@code null}
     */
    public ClientHandshake(String host, int port, String pathAndQuery, List<String> subprotocols,
            Map<String, String> extraHeaders, String extensionOffer, Random keySource) {
        this.extensionOffer = extensionOffer;
        byte[] nonce = new byte[KEY_BYTES];
        keySource.nextBytes(nonce);
        this.key = Base64.getEncoder().encodeToString(nonce);
        checkSubprotocols(subprotocols);
        this.subprotocols = List.copyOf(subprotocols);
        checkExtraHeaders(extraHeaders);
        HeadWriter head = new HeadWriter("GET " + target(pathAndQuery) + " HTTP/1.1")
                .header("Host", hostHeader(host, port))
                .header("Upgrade", "websocket")
                .header("Connection", "Upgrade")
                .header("Sec-WebSocket-Key", key)
                .header("Sec-WebSocket-Version", ServerHandshake.VERSION);
        if (!subprotocols.isEmpty()) {
            head.header("Sec-WebSocket-Protocol", String.join(", ", subprotocols));
        }
        if (extensionOffer != null) {
            head.header("Sec-WebSocket-Extensions", extensionOffer);
        }
        ByteBuffer bytes = head.headers(extraHeaders).finish();
        this.request = new byte[bytes.remaining()];
        bytes.get(request);
    }

    /** The {@code Sec-WebSocket-Key} this handshake sends: 16 random bytes in base64. */
    public String key() {
        return key;
    }

    /** The bytes of the GET request; a new buffer on each call, ready to read. */
    public ByteBuffer request() {
        return ByteBuffer.wrap(request.clone());
    }

    /**
     * Checks the server's answer against RFC 6455 §4.1, in the order of its items 1 to 6, each a
     * case where "the client MUST _Fail the WebSocket Connection_".
     *
     * @return the subprotocol the server chose, or {@code null} when it chose none
     * @throws HandshakeFailure with the status when it is not 101, or with status -1 when a header
     *     is missing or wrong
     */
    public String verify(HttpResponseHead response) throws HandshakeFailure {
        if (response.status() != 101) {
            throw new HandshakeFailure(response.status(), "server answered " + response.status()
                    + " " + response.reason() + " instead of 101 Switching Protocols");
        }
        List<String> upgrade = HeaderTokens.allTokens(response.headerValues("Upgrade"));
        if (upgrade.size() != 1 || !HttpSyntax.equalsAsciiIgnoreCase(upgrade.get(0), "websocket")) {
            throw failure("Upgrade header is not websocket");
        }
        if (!HeaderTokens.containsToken(response.headerValues("Connection"), "Upgrade")) {
            throw failure("Connection header does not include Upgrade");
        }
        List<String> accept = response.headerValues("Sec-WebSocket-Accept");
        if (accept.size() != 1 || !accept.get(0).equals(AcceptKey.of(key))) {
            throw failure("Sec-WebSocket-Accept does not match the key sent");
        }
        if (extensionOffer == null
                && !HeaderTokens.allTokens(response.headerValues("Sec-WebSocket-Extensions")).isEmpty()) {
            throw failure("server chose an extension that was not offered");
        }
        return chosenSubprotocol(response.headerValues("Sec-WebSocket-Protocol"));
    }

    /** §4.1 item 6: a subprotocol "that was not present in the client's handshake" fails it. */
    private String chosenSubprotocol(List<String> lines) throws HandshakeFailure {
        List<String> chosen = HeaderTokens.allTokens(lines);
        if (chosen.isEmpty()) {
            return null;
        }
        if (chosen.size() > 1) {
            throw failure("server chose more than one subprotocol");
        }
        if (!subprotocols.contains(chosen.get(0))) {
            throw failure("server chose subprotocol " + chosen.get(0) + " that was not offered");
        }
        return chosen.get(0);
    }

    private static HandshakeFailure failure(String message) {
        return new HandshakeFailure(HandshakeFailure.NO_STATUS, message);
    }

    private static String target(String pathAndQuery) {
        if (pathAndQuery.isEmpty()) {
            return "/";
        }
        boolean visible = pathAndQuery.chars().allMatch(c -> c > ' ' && c < 0x7f);
        if (!pathAndQuery.startsWith("/") || !visible) {
            throw new IllegalArgumentException("path must start with / and be visible ASCII: "
                    + pathAndQuery);
        }
        return pathAndQuery;
    }

    /** RFC 7230 §5.4 and RFC 3986 §3.2.2: an IPv6 literal is written in brackets. */
    private static String hostHeader(String host, int port) {
        if (port <= 0 || port > 0xffff) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (host.isEmpty() || !host.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new IllegalArgumentException("host must be visible ASCII: " + host);
        }
        boolean ipv6 = host.indexOf(':') >= 0 && !host.startsWith("[");
        String authority = ipv6 ? "[" + host + "]" : host;
        return port == DEFAULT_PORT ? authority : authority + ":" + port;
    }

    /**
     * §4.1 item 10: subprotocol elements "MUST be non-empty strings with characters in the range
     * U+0021 to U+007E not including separator characters ... and MUST all be unique strings."
     */
    private static void checkSubprotocols(List<String> subprotocols) {
        Set<String> seen = new HashSet<>();
        for (String subprotocol : subprotocols) {
            if (!HttpSyntax.isToken(subprotocol) || !seen.add(subprotocol)) {
                throw new IllegalArgumentException("subprotocol must be a unique token: "
                        + subprotocol);
            }
        }
    }

    private static void checkExtraHeaders(Map<String, String> extraHeaders) {
        for (String name : extraHeaders.keySet()) {
            if (OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(name + " is written by the handshake");
            }
        }
    }
}
