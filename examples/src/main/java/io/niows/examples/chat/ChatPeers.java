package io.niows.examples.chat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The WebSocket URLs of the chat nodes that share a room ({@code chat --redis ... --peers URL,URL}),
 * which a page served by one of them may fail over to when its own node goes away.
 *
 * <p>A page served by node A and connecting to node B is cross-origin twice over, and both
 * checks must let it through, for the listed nodes only:
 * <ul>
 *   <li>the page's {@code Content-Security-Policy} must name B in {@code connect-src}
 *       ({@link #connectSources()}): Chromium blocks any other WebSocket, and it tells the page
 *       with an {@code error} event and no {@code close} event at all;</li>
 *   <li>B's {@link SameOriginHook} must accept A's {@code Origin} ({@link #origins()}), which is
 *       the {@code http://} or {@code https://} twin of A's listed URL. A page opened under
 *       another name of A ({@code localhost} for {@code 127.0.0.1}) sends that name, which the
 *       list does not hold: open the page at an address of the list.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param urls each {@code ws://HOST:PORT/chat} or {@code wss://HOST:PORT/chat}, in the order the
 *     pages try them; the node's own URL may be among them (the same list can be given to every node)
 */
public record ChatPeers(List<URI> urls) {

    /** No peers: the chat of one node, whose page knows only its own server. */
    public static final ChatPeers NONE = new ChatPeers(List.of());

    /**
     * Checks every URL.
     *
     * @throws IllegalArgumentException with a one-line reason if a URL is not such a chat URL
     */
    public ChatPeers {
        urls.forEach(ChatPeers::check);
        urls = List.copyOf(urls);
    }

    /**
     * Parses {@code ws://HOST:PORT/chat,ws://HOST:PORT/chat}, as given on the command line.
     *
     * @throws IllegalArgumentException with a one-line reason if it is not such a list
     */
    public static ChatPeers parse(String list) {
        List<URI> urls = new ArrayList<>();
        for (String url : list.split(",", -1)) {
            try {
                urls.add(new URI(url.strip()));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a URL: " + url);
            }
        }
        return new ChatPeers(urls);
    }

    private static void check(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss") || url.getHost() == null || url.getPort() < 0
                || !ChatServer.PATH.equals(url.getRawPath()) || url.getRawQuery() != null
                || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("a peer must be ws://HOST:PORT" + ChatServer.PATH
                    + " or wss://HOST:PORT" + ChatServer.PATH + ", got " + url);
        }
    }

    /**
     * {@return the origins of pages served by these nodes, lower-cased, as browsers send them:
     * {@code http://HOST:PORT} for {@code ws://HOST:PORT/chat}, {@code https://} for {@code wss://},
     * without the port when it is the scheme's default}
     */
    public Set<String> origins() {
        Set<String> origins = new LinkedHashSet<>();
        for (URI url : urls) {
            boolean tls = url.getScheme().equalsIgnoreCase("wss");
            int defaultPort = tls ? 443 : 80;
            origins.add(((tls ? "https://" : "http://") + url.getHost()
                    + (url.getPort() == defaultPort ? "" : ":" + url.getPort())).toLowerCase(Locale.ROOT));
        }
        return origins;
    }

    /** {@return the sources to add to the page's {@code connect-src}: {@code ws://HOST:PORT} each} */
    public List<String> connectSources() {
        return urls.stream()
                .map(url -> (url.getScheme() + "://" + url.getHost() + ":" + url.getPort()).toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    }
}
