package io.niows.protocol;

import java.nio.ByteBuffer;

/**
 * Receives the events an engine decodes from the bytes it is given.
 *
 * <p>Called only from the thread that drives the engine, synchronously from
 * {@link WebSocketEngine#receive(ByteBuffer)} (and from the calls that start or end a
 * connection), in the order the frames arrived (control frames
 * that arrive inside a fragmented message are reported as they arrive).
 */
public interface EngineListener {

    /**
     * The opening handshake succeeded: the engine is {@link ConnectionState#OPEN}, and {@link
     * WebSocketEngine#request()} and {@link WebSocketEngine#subprotocol()} say what was agreed.
     * Frames that arrived with the handshake are reported after this. Does nothing unless
     * overridden.
     */
    default void onOpen() {
    }

    /**
     * No WebSocket connection opens and the engine is {@link ConnectionState#CLOSED}: on a server,
     * the answer that is not a 101 is already written to the sink (a refusal, with its status and
     * reason, or the {@link HandshakeResponder#http response to a plain HTTP request}, with its
     * status); on a client, the server's answer was not a valid 101. No event follows. Does nothing
     * unless overridden.
     *
     * @param failure the status and one-line reason of the answer, or what was wrong with the
     *     server's
     */
    default void onHandshakeFailed(WebSocketHandshakeException failure) {
    }

    /**
     * A complete text message arrived.
     *
     * @param text the message, its fragments joined and its UTF-8 already validated
     */
    void onText(String text);

    /**
     * A complete binary message arrived.
     *
     * @param data the message, its fragments joined; the buffer belongs to the listener
     */
    void onBinary(ByteBuffer data);

    /**
     * A ping arrived; unless {@link EngineConfig#autoPong()} is off, the engine has already written
     * the pong with the same payload to its sink.
     *
     * @param payload the ping's application data, at most 125 bytes
     */
    void onPing(ByteBuffer payload);

    /**
     * A pong arrived, solicited or not.
     *
     * @param payload the pong's application data, at most 125 bytes
     */
    void onPong(ByteBuffer payload);

    /**
     * The peer's close frame. When this side had not sent a close yet, the engine has already
     * written the echo to its sink.
     *
     * @param code the peer's status code, or {@link io.niows.CloseCode#NO_STATUS_RECEIVED} (1005) for an
     *     empty close frame
     * @param reason the peer's reason, empty when none
     */
    void onCloseReceived(int code, String reason);

    /**
     * The peer broke RFC 6455 and the engine failed the connection: the close frame with
     * {@code violation.closeCode()} is already written to the sink, and no event follows. Does
     * nothing unless overridden.
     *
     * @param violation what the peer broke, with the close code sent for it
     */
    default void onProtocolViolation(WebSocketProtocolException violation) {
    }
}
