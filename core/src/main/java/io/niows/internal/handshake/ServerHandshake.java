package io.niows.internal.handshake;

import java.util.List;
import java.util.Map;

/**
 * The server's side of the opening handshake (RFC 6455 §4.2): checks a parsed request and writes
 * the 101 answer.
 *
 * <p>Stateless and thread-safe.
 */
public final class ServerHandshake {

    /** The only protocol version this library speaks (RFC 6455 §4.1 item 9). */
    public static final String VERSION = "13";

    private ServerHandshake() {
    }

    /**
     * Checks a request against RFC 6455 §4.2.1, in this order, and returns its
     * {@code Sec-WebSocket-Key}.
     *
     * @throws HttpError 405 (with {@code Allow: GET}) when the method is not GET; 400 or 505 when
     *     the version is not HTTP/1.1 or a later 1.x; 400 when {@code Host} is missing or repeated,
     *     when {@code Upgrade} lacks {@code websocket}, when {@code Connection} lacks
     *     {@code Upgrade}; 426 (with {@code Sec-WebSocket-Version: 13}) when the version is not 13;
     *     400 when the key is missing, repeated or not 16 bytes in base64
     */
    public static String validate(HttpRequest request) throws HttpError {
        // §4.1 item 1: "The method of the request MUST be GET".
        if (!"GET".equals(request.method())) {
            throw new HttpError(405, "method must be GET", Map.of("Allow", "GET"));
        }
        // §4.1 item 1: "the HTTP version MUST be at least 1.1".
        HttpVersion version = HttpVersion.parse(request.version());
        if (version == null) {
            throw new HttpError(400, "malformed HTTP version");
        }
        if (!version.isHttp11OrLater1x()) {
            throw version.unsupported("request");
        }
        // §4.2.1 item 2 requires a Host; RFC 7230 §5.4: "A server MUST respond with a 400 (Bad
        // Request) status code to any HTTP/1.1 request message that lacks a Host header field and
        // to any request message that contains more than one Host header field".
        if (request.headerValues("Host").size() != 1) {
            throw new HttpError(400, request.headerValues("Host").isEmpty()
                    ? "missing Host header" : "more than one Host header");
        }
        // §4.2.1 item 3: "An |Upgrade| header field containing the value "websocket", treated as
        // an ASCII case-insensitive value."
        if (!isUpgradeRequest(request)) {
            throw new HttpError(400, "Upgrade header must include websocket");
        }
        // §4.2.1 item 4: "A |Connection| header field that includes the token "Upgrade", treated
        // as an ASCII case-insensitive value."
        if (!HeaderTokens.containsToken(request.headerValues("Connection"), "Upgrade")) {
            throw new HttpError(400, "Connection header must include Upgrade");
        }
        checkVersion(request.headerValues("Sec-WebSocket-Version"));
        return checkKey(request.headerValues("Sec-WebSocket-Key"));
    }

    /**
     * Tells whether a request asks for a WebSocket upgrade at all (its {@code Upgrade} header names
     * {@code websocket}), to tell a plain HTTP request, served by a fallback, from a WebSocket
     * attempt, which must pass {@link #validate} or be refused.
     */
    public static boolean isUpgradeRequest(HttpRequest request) {
        return HeaderTokens.containsToken(request.headerValues("Upgrade"), "websocket");
    }

    /** The subprotocols offered, over all {@code Sec-WebSocket-Protocol} lines, in order. */
    public static List<String> offeredSubprotocols(HttpRequest request) {
        return HeaderTokens.allTokens(request.headerValues("Sec-WebSocket-Protocol"));
    }

    /**
     * Chooses the subprotocol to answer with (RFC 6455 §4.2.2 item 5.4): the first of the
     * server's preference that the client offered, compared exactly, or {@code null} if none.
     */
    public static String selectSubprotocol(List<String> serverPreference, List<String> offered) {
        for (String candidate : serverPreference) {
            if (offered.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Starts the 101 answer (RFC 6455 §4.2.2 item 5): status line, {@code Upgrade}, {@code
     * Connection}, {@code Sec-WebSocket-Accept}, then the subprotocol and the extensions when
     * given. The caller may add headers (e.g. a {@code Set-Cookie}) and finishes it.
     */
    public static HeadWriter switchingProtocols(String key, String subprotocolOrNull, String extensionsOrNull) {
        HeadWriter head = HeadWriter.response(101)
                .header("Upgrade", "websocket")
                .header("Connection", "Upgrade")
                .header("Sec-WebSocket-Accept", AcceptKey.of(key));
        if (subprotocolOrNull != null) {
            head.header("Sec-WebSocket-Protocol", subprotocolOrNull);
        }
        if (extensionsOrNull != null) {
            head.header("Sec-WebSocket-Extensions", extensionsOrNull);
        }
        return head;
    }

    /**
     * §4.2.2 item 4: "If this version does not match a version understood by the server, the
     * server MUST abort the WebSocket handshake described in this section and instead send an
     * appropriate HTTP error code (such as 426 Upgrade Required) and a |Sec-WebSocket-Version|
     * header field indicating the version(s) the server is capable of understanding."
     */
    private static void checkVersion(List<String> versions) throws HttpError {
        if (versions.size() > 1) {
            // §11.3.5: it "MUST NOT appear more than once in an HTTP request".
            throw new HttpError(400, "more than one Sec-WebSocket-Version header");
        }
        if (versions.isEmpty() || !VERSION.equals(versions.get(0))) {
            throw new HttpError(426, "Sec-WebSocket-Version must be 13",
                    Map.of("Sec-WebSocket-Version", VERSION));
        }
    }

    /**
     * §4.2.1 item 5: "A |Sec-WebSocket-Key| header field with a base64-encoded value that, when
     * decoded, is 16 bytes in length."
     */
    private static String checkKey(List<String> keys) throws HttpError {
        if (keys.size() > 1) {
            // §11.3.1: it "MUST NOT appear more than once in an HTTP request".
            throw new HttpError(400, "more than one Sec-WebSocket-Key header");
        }
        if (keys.isEmpty()) {
            throw new HttpError(400, "missing Sec-WebSocket-Key header");
        }
        if (!AcceptKey.isValidKey(keys.get(0))) {
            throw new HttpError(400, "Sec-WebSocket-Key is not 16 bytes in base64");
        }
        return keys.get(0);
    }
}
