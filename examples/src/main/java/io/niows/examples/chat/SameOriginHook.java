package io.niows.examples.chat;

import io.niows.HandshakeDecision;
import io.niows.HandshakeHook;
import io.niows.HttpRequestHead;
import java.util.Locale;

/**
 * Accepts a WebSocket handshake from a browser only if the page that opened it came from this
 * server: its {@code Origin} must name the same host and port as its {@code Host}. Browsers
 * send cookies with a cross-site WebSocket handshake and do not apply the same-origin policy to
 * it, so without this check any web site could open the chat in its visitors' names (RFC 6455
 * §10.2). Clients that are not browsers send no {@code Origin} and are accepted.
 *
 * <p>Stateless and thread-safe.
 */
public final class SameOriginHook implements HandshakeHook {

    @Override
    public HandshakeDecision decide(HttpRequestHead request) {
        String origin = request.origin();
        if (origin == null) {
            return HandshakeDecision.accept();
        }
        String host = request.header("Host");
        if (host != null && sameHost(origin, host)) {
            return HandshakeDecision.accept();
        }
        return HandshakeDecision.refuse(403, "cross-origin WebSocket refused");
    }

    private static boolean sameHost(String origin, String host) {
        String o = origin.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        return o.equals("http://" + h) || o.equals("https://" + h);
    }
}
