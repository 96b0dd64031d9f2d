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
     * {@return whether data messages are reported in chunks as they arrive ({@link #onTextChunk},
     * {@link #onBinaryChunk}) instead of whole} Asked once, when the connection opens; whole
     * messages by default.
     */
    default boolean streamsMessages() {
        return false;
    }

    /**
     * {@return the largest streamed frame and message accepted, in bytes (inflated bytes for a
     * compressed one); past it the connection fails with 1009} It replaces the frame and message
     * limits of {@link EngineConfig}, which bound what is buffered, and nothing of a streamed
     * message is. Asked with {@link #streamsMessages()}; no limit by default.
     */
    default long maxStreamedMessageSize() {
        return Long.MAX_VALUE;
    }

    /**
     * The next chunk of a streamed binary message, when {@link #streamsMessages()}.
     *
     * @param chunk the next bytes, from position to limit, possibly empty for the last; valid only
     *     during the call (it may view the transport's read buffer): copy what is kept
     * @param last whether the message ends with this chunk
     */
    default void onBinaryChunk(ByteBuffer chunk, boolean last) {
        throw new UnsupportedOperationException("this listener takes whole messages");
    }

    /**
     * The next chunk of a streamed text message, when {@link #streamsMessages()}: its UTF-8 is
     * validated (RFC 6455 §8.1) and a chunk never splits a code point (nor is empty, but for the
     * last). On invalid UTF-8 the text before the invalid byte comes in a chunk not marked last,
     * then the connection fails with 1007.
     *
     * @param chunk the next text, possibly empty
     * @param last whether the message ends with this chunk
     */
    default void onTextChunk(CharSequence chunk, boolean last) {
        throw new UnsupportedOperationException("this listener takes whole messages");
    }

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
