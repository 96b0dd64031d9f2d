package io.niows.internal.reactor;

import io.niows.protocol.HandshakeAnswer;
import io.niows.protocol.HandshakeRequest;
import java.util.function.Consumer;

/**
 * How a server's connections are answered: the layer above decides on each request head and,
 * for an upgrade it accepts, says who receives the connection's events.
 *
 * <p>Called on the connection's loop thread; implementations must be thread-safe, since every
 * loop calls the same one.
 */
public interface Upgrades {

    /**
     * Answers a valid upgrade request; on acceptance, gives {@code bind} the events that will
     * receive the connection before it returns. Once open, a server's connection keeps nothing
     * of {@code request} ({@link Link#request()} is null): the events keep what the application
     * needs of it.
     */
    HandshakeAnswer upgrade(Link link, HandshakeRequest request, Consumer<ConnectionEvents> bind);

    /** Answers a plain HTTP request. */
    HandshakeAnswer http(Link link, HandshakeRequest request);
}
