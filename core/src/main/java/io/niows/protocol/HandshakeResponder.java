package io.niows.protocol;

/**
 * Decides a server's answer to a complete request head; what the application says about a
 * handshake. The engine has already checked the request against RFC 6455 §4.2.1 when it asks about
 * an upgrade, and answers malformed or oversized heads itself.
 *
 * <p>Called on the thread that drives the engine, synchronously, at most once per connection. An
 * implementation that throws gets a 500 answer, and the exception goes on to the engine's caller.
 */
public interface HandshakeResponder {

    /**
     * Answers a valid WebSocket upgrade request: accept it (with a subprotocol the client offered,
     * or none), or refuse it with an HTTP status.
     *
     * @param request the upgrade request, already checked against RFC 6455 §4.2.1
     * @return {@link HandshakeAnswer#accept} or {@link HandshakeAnswer#refuse}
     */
    HandshakeAnswer upgrade(HandshakeRequest request);

    /**
     * Answers a plain HTTP request (one without {@code Upgrade: websocket} and without a body)
     * with a response, after which the connection closes. By default: 426 Upgrade Required.
     *
     * @param request the request
     * @return the response to write
     */
    default HandshakeAnswer http(HandshakeRequest request) {
        return HandshakeAnswer.refuse(426, "this is a WebSocket endpoint").withHeader("Upgrade", "websocket");
    }
}
