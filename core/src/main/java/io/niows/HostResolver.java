package io.niows;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns a host name into an address for {@link WebSocketClient#connect}. A client calls it on a
 * small pool of resolver threads of its own, never on the caller's thread nor on a selector loop,
 * so a slow name server delays only the connection that waits for it. Set one with {@link
 * WebSocketClient.Builder#resolver} (a cache, a fixed table, a test's slow resolver); the default
 * is {@link #system()}.
 *
 * <p>Thread-safety: implementations must be thread-safe; a client calls them from several
 * resolver threads at once.
 */
@FunctionalInterface
public interface HostResolver {

    /**
     * Resolves a host name; may block.
     *
     * @param host a host name or an IP literal (an IPv6 one without brackets)
     * @return the address to connect to
     * @throws UnknownHostException if the name has no address
     */
    InetAddress resolve(String host) throws UnknownHostException;

    /** {@return the JDK's resolver ({@link InetAddress#getByName}): the system's name service and its cache} */
    static HostResolver system() {
        return InetAddress::getByName;
    }
}
