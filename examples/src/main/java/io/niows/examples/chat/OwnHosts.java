package io.niows.examples.chat;

import io.niows.HttpRequestHead;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The host names and the port this server answers to, checked against the {@code Host} header of
 * every request, the page's and the WebSocket's. A page from another site cannot read the
 * server's answers unless it rebinds its own name to the server's address (DNS rebinding): the
 * browser then sends that name as the {@code Host} and treats the server as the page's own
 * origin, cookies, {@code Origin} check and all. Serving only requests addressed to one of the
 * server's own names closes that hole.
 *
 * <p>The names are the one the server listens on; for a loopback or wildcard address also
 * {@code localhost}, {@code 127.0.0.1} and {@code [::1]}; for a wildcard address also any IP
 * literal (a rebinding needs a name of the attacker's; an address names this machine or a proxy to
 * it). The port must be the server's; a {@code Host} without one means 80.
 *
 * <p>A request for another name gets 421 Misdirected Request: RFC 9110 §7.4 says an origin server
 * must not process a request for a target it is not configured to serve and names 421 for
 * rejecting it; it tells a proxy's operator what is wrong, where 403 would suggest a missing
 * permission. A missing, repeated or malformed {@code Host} is 400 (RFC 9112 §3.2).
 *
 * <p>Immutable and thread-safe, if the port supplier is.
 */
public final class OwnHosts {

    /** The names a loopback server answers to, besides the one it listens on. */
    private static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "[::1]");
    private static final int HTTP_PORT = 80;

    /** Why a request is refused: an HTTP status and one line of plain text. */
    public record Refusal(int status, String reason) {
    }

    private final Set<String> names;
    private final boolean anyAddress;
    private final IntSupplier port;

    private OwnHosts(Set<String> names, boolean anyAddress, IntSupplier port) {
        this.names = names;
        this.anyAddress = anyAddress;
        this.port = port;
    }

    /**
     * The names of a server listening on {@code host}.
     *
     * @param host the address the server listens on, as given to it
     * @param port the server's port, read at each request (it is known once the server listens)
     * @throws UnknownHostException if {@code host} does not resolve, as the server would find
     */
    public static OwnHosts listeningOn(String host, IntSupplier port) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(host);
        String name = host.toLowerCase(Locale.ROOT);
        if (name.indexOf(':') >= 0 && !name.startsWith("[")) {
            name = "[" + name + "]";
        }
        boolean anyAddress = address.isAnyLocalAddress();
        Set<String> names = new HashSet<>(Set.of(name));
        if (anyAddress || address.isLoopbackAddress()) {
            names.addAll(LOOPBACK_NAMES);
        }
        return new OwnHosts(Set.copyOf(names), anyAddress, port);
    }

    /** Nothing if the request is addressed to this server, else why it is refused. */
    public Optional<Refusal> check(HttpRequestHead request) {
        List<String> hostHeaders = request.headers("Host");
        if (hostHeaders.size() != 1) {
            return Optional.of(new Refusal(400, hostHeaders.isEmpty()
                    ? "missing Host header" : "more than one Host header"));
        }
        String host = hostHeaders.get(0).strip().toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        boolean hasPort = colon > host.lastIndexOf(']');
        String name = hasPort ? host.substring(0, colon) : host;
        int requestPort = hasPort ? port(host.substring(colon + 1)) : HTTP_PORT;
        if (name.isEmpty() || requestPort < 0) {
            return Optional.of(new Refusal(400, "malformed Host header"));
        }
        if (requestPort != port.getAsInt() || !answersTo(name)) {
            return Optional.of(new Refusal(421, "this server does not answer to that Host"));
        }
        return Optional.empty();
    }

    private boolean answersTo(String name) {
        return names.contains(name) || anyAddress && isIpLiteral(name);
    }

    /** The port number, or -1 if it is not 1 to 5 digits up to 65535. */
    private static int port(String digits) {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int port = Integer.parseInt(digits);
        return port <= 65535 ? port : -1;
    }

    /** A dotted-quad IPv4 address or a bracketed IPv6 one, as a browser writes them in a URL. */
    private static boolean isIpLiteral(String name) {
        if (name.startsWith("[") && name.endsWith("]")) {
            return name.length() > 2 && name.indexOf(':') > 0
                    && name.substring(1, name.length() - 1).chars().allMatch(OwnHosts::isIpv6Char);
        }
        String[] parts = name.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6Char(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c == ':' || c == '.';
    }
}
