package io.niows.examples.chat;

import io.niows.HandshakeDecision;
import io.niows.HandshakeHook;
import io.niows.HttpRequestHead;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Accepts a WebSocket handshake only if it is addressed to this server and, from a browser, was
 * opened by a page this server served. Browsers send cookies with a cross-site WebSocket
 * handshake and do not apply the same-origin policy to it, so without this check any web site
 * could open the chat in its visitors' names (RFC 6455 §10.2).
 *
 * <ul>
 *   <li>The {@code Host} must be one of the server's {@link OwnHosts own names} and its port, or
 *       the handshake gets 421 (400 if it is malformed): a site that rebinds its name to this
 *       server's address would otherwise pass the {@code Origin} check below.
 *   <li>More than one {@code Origin} gets 400: a user agent must not send more than one
 *       (RFC 6454 §7.3), so such a request is malformed, and which of them to check is anyone's
 *       guess.
 *   <li>An {@code Origin} that is not this host and port, over http or https, nor the origin of
 *       one of the {@link ChatPeers peers} this server was given (a page served by another node of
 *       the room, failing over to this one), gets 403. Clients that are not browsers send no
 *       {@code Origin} and are accepted.
 * </ul>
 *
 * <p>Immutable and thread-safe, as its {@link OwnHosts} is.
 */
public final class SameOriginHook implements HandshakeHook {

    private final OwnHosts hosts;
    private final Set<String> peerOrigins;

    /** @param hosts the names and port this server answers to */
    public SameOriginHook(OwnHosts hosts) {
        this(hosts, ChatPeers.NONE);
    }

    /**
     * @param hosts the names and port this server answers to
     * @param peers the other nodes of the room, whose pages may connect here too
     */
    public SameOriginHook(OwnHosts hosts, ChatPeers peers) {
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.peerOrigins = Set.copyOf(peers.origins());
    }

    @Override
    public HandshakeDecision decide(HttpRequestHead request) {
        Optional<OwnHosts.Refusal> refusal = hosts.check(request);
        if (refusal.isPresent()) {
            return HandshakeDecision.refuse(refusal.get().status(), refusal.get().reason());
        }
        List<String> origins = request.headers("Origin");
        if (origins.isEmpty()) {
            return HandshakeDecision.accept();
        }
        if (origins.size() > 1) {
            return HandshakeDecision.refuse(400, "more than one Origin header");
        }
        if (sameHost(origins.get(0), request.header("Host"))
                || peerOrigins.contains(origins.get(0).toLowerCase(Locale.ROOT))) {
            return HandshakeDecision.accept();
        }
        return HandshakeDecision.refuse(403, "cross-origin WebSocket refused");
    }

    private static boolean sameHost(String origin, String host) {
        String o = origin.toLowerCase(Locale.ROOT);
        String h = host.strip().toLowerCase(Locale.ROOT);
        return o.equals("http://" + h) || o.equals("https://" + h);
    }
}
