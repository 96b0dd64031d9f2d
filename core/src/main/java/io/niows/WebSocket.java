package io.niows;

import io.niows.protocol.SendResult;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * One WebSocket connection, as the application sees it.
 *
 * <p>Thread-safe: every method may be called from any thread. Sends never block and never throw
 * for concurrency; they queue the frame and return a {@link SendResult}. A send from a thread
 * other than the connection's loop wakes that loop (once for a burst of sends). Frames sent from
 * one thread go out in the order they were sent.
 */
public interface WebSocket {

    /** Queues a text message. */
    default SendResult sendText(CharSequence text) {
        return sendText(text, null);
    }

    /**
     * Queues a text message.
     *
     * @param callback told when the frame reached the kernel, or never will; may be {@code null}
     */
    SendResult sendText(CharSequence text, SendCallback callback);

    /** Queues a binary message: the bytes from position to limit, copied (the buffer is untouched). */
    default SendResult sendBinary(ByteBuffer data) {
        return sendBinary(data, null);
    }

    /**
     * Queues a binary message: the bytes from position to limit, copied (the buffer is untouched).
     *
     * @param callback told when the frame reached the kernel, or never will; may be {@code null}
     */
    SendResult sendBinary(ByteBuffer data, SendCallback callback);

    /**
     * Queues one fragment of a message (RFC 6455 §5.4): the first fragment's kind (text or binary)
     * sets the message's kind; {@code last} ends it. A text message's fragments, joined, must be
     * valid UTF-8. Until the last fragment is queued, other messages, and fragments from other
     * threads, are refused with {@link SendResult#REFUSED_BUSY}.
     *
     * @param text whether the message is text; the same for every fragment of one message
     * @throws IllegalArgumentException if {@code text} is not the kind of the message this thread
     *     is continuing; nothing is sent, and the message may still be continued as it began
     */
    SendResult sendFragment(boolean text, ByteBuffer part, boolean last);

    /** Queues a ping (at most 125 bytes of payload). Allowed while closing. */
    SendResult ping(ByteBuffer payload);

    /**
     * Starts the close handshake (RFC 6455 §7.1.2) with this code and reason. Data queued before
     * the close is sent first. Does nothing if the connection is already closing.
     *
     * @param code a code the RFC allows an endpoint to send: one {@link CloseCode#maySend} allows
     *     (1000-1003, 1007-1014, 3000-4999)
     * @param reason at most 123 bytes of UTF-8
     * @throws IllegalArgumentException for a code that may not be sent or a reason too long
     */
    void close(int code, String reason);

    /** Starts the close handshake with 1000 (normal closure) and no reason. */
    default void close() {
        close(CloseCode.NORMAL_CLOSURE, "");
    }

    /** Drops the TCP connection without a close handshake; queued data is discarded. */
    void abort();

    /** Whether the connection is open: the handshake is done and no close was sent or received. */
    boolean isOpen();

    /** The bytes queued for this connection that the kernel has not taken yet. */
    long queuedBytes();

    /** The address of the peer. */
    InetSocketAddress remoteAddress();

    /**
     * The opening handshake's request (method, path, query, headers): on a server's connection the
     * one the client sent, on a client's connection the one this client sent. Its
     * {@linkplain HttpRequestHead#remoteAddress() remote address} is the peer's, as {@link #remoteAddress()}.
     */
    HttpRequestHead request();

    /** The subprotocol agreed in the handshake, or {@code null}. */
    String subprotocol();

    /**
     * The extensions agreed in the handshake as the server's {@code Sec-WebSocket-Extensions}
     * states them, such as {@code permessage-deflate; server_no_context_takeover;
     * client_no_context_takeover}, or {@code null} for none.
     */
    String extensions();

    /** The object the application attached to this connection, or {@code null}. */
    <T> T attachment();

    /** Attaches an object of the application's to this connection. */
    void attach(Object attachment);
}
