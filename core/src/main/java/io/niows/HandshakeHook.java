package io.niows;

/**
 * Decides whether an opening handshake that passed the RFC 6455 checks is accepted: origin
 * checks, authentication, subprotocol choice.
 *
 * <p>Called on the connection's loop thread; it must not block (a blocking check stalls every
 * connection of that loop).
 */
@FunctionalInterface
public interface HandshakeHook {

    /** Accepts every handshake. */
    HandshakeHook ACCEPT_ALL = request -> HandshakeDecision.accept();

    /**
     * Decides one opening handshake.
     *
     * @param request the upgrade request
     * @return the decision; never {@code null}
     */
    HandshakeDecision decide(HttpRequestHead request);
}
