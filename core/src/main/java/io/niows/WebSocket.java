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

    /**
     * Queues a text message.
     *
     * @param text the message
     * @return {@link SendResult#QUEUED}, {@link SendResult#QUEUED_ABOVE_HIGH_WATER} (stop producing
     *     until {@link WebSocketHandler#onWritable}), or why nothing was queued
     */
    default SendResult sendText(CharSequence text) {
        return sendText(text, null);
    }

    /**
     * Queues a text message.
     *
     * @param text the message
     * @param callback told when the frame reached the kernel, or never will; may be {@code null}
     * @return {@link SendResult#QUEUED}, {@link SendResult#QUEUED_ABOVE_HIGH_WATER} (stop producing
     *     until {@link WebSocketHandler#onWritable}), or why nothing was queued
     */
    SendResult sendText(CharSequence text, SendCallback callback);

    /**
     * Queues a binary message: the bytes from position to limit, copied (the buffer is untouched).
     *
     * @param data the message
     * @return {@link SendResult#QUEUED}, {@link SendResult#QUEUED_ABOVE_HIGH_WATER} (stop producing
     *     until {@link WebSocketHandler#onWritable}), or why nothing was queued
     */
    default SendResult sendBinary(ByteBuffer data) {
        return sendBinary(data, null);
    }

    /**
     * Queues a binary message: the bytes from position to limit, copied (the buffer is untouched).
     *
     * @param data the message
     * @param callback told when the frame reached the kernel, or never will; may be {@code null}
     * @return {@link SendResult#QUEUED}, {@link SendResult#QUEUED_ABOVE_HIGH_WATER} (stop producing
     *     until {@link WebSocketHandler#onWritable}), or why nothing was queued
     */
    SendResult sendBinary(ByteBuffer data, SendCallback callback);

    /**
     * Queues a binary message without copying it: the buffer itself is written, after a header
     * of its own. Use it for a buffer you will not touch again, such as the one {@link
     * WebSocketHandler#onBinary} gave you: an echo of a large message then costs no copy of its
     * payload before the socket's. Whatever the result, the buffer now belongs to niows until the
     * callback is told its frame was written or dropped; do not read or write its bytes meanwhile
     * (a client masks them where they lie, RFC 6455 §5.3). Short messages, read-only buffers and
     * messages to be compressed (permessage-deflate) are copied as {@link #sendBinary} copies
     * them. By default this is {@link #sendBinary(ByteBuffer, SendCallback)}.
     *
     * @param data the message, from position to limit
     * @param callback told when the frame reached the kernel, or never will; may be {@code null}
     * @return as {@link #sendBinary(ByteBuffer, SendCallback)}
     */
    default SendResult handOverBinary(ByteBuffer data, SendCallback callback) {
        return sendBinary(data, callback);
    }

    /**
     * Queues a binary message without copying it, as {@link #handOverBinary(ByteBuffer,
     * SendCallback)} without a callback: the buffer is niows' from now on.
     *
     * @param data the message, from position to limit
     * @return as {@link #sendBinary(ByteBuffer, SendCallback)}
     */
    default SendResult handOverBinary(ByteBuffer data) {
        return handOverBinary(data, null);
    }

    /**
     * Queues one fragment of a message (RFC 6455 §5.4): the first fragment's kind (text or binary)
     * sets the message's kind; {@code last} ends it. A text message's fragments, joined, must be
     * valid UTF-8. Until the last fragment is queued, other messages, and fragments from other
     * threads, are refused with {@link SendResult#REFUSED_BUSY}.
     *
     * @param text whether the message is text; the same for every fragment of one message
     * @param part the fragment's bytes from position to limit, copied (the buffer is untouched)
     * @param last whether this fragment ends the message
     * @return {@link SendResult#QUEUED}, {@link SendResult#QUEUED_ABOVE_HIGH_WATER} (stop producing
     *     until {@link WebSocketHandler#onWritable}), or why nothing was queued
     * @throws IllegalArgumentException if {@code text} is not the kind of the message this thread
     *     is continuing; nothing is sent, and the message may still be continued as it began
     */
    SendResult sendFragment(boolean text, ByteBuffer part, boolean last);

    /**
     * Queues a ping. Allowed while closing.
     *
     * @param payload the ping's application data, at most 125 bytes, from position to limit
     * @return {@link SendResult#QUEUED}, {@link SendResult#QUEUED_ABOVE_HIGH_WATER}, or
     *     {@link SendResult#REFUSED_CLOSED} once the connection is closed
     */
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

    /**
     * Stops reading from this connection (inbound flow control): the loop takes no read interest
     * for it, so the peer's sends fill the TCP windows and then block, and the server holds at
     * most what it had read already (one read buffer, 256 KiB, plus an unfinished message). Called
     * from this connection's handler, no further message is delivered from that read; called from
     * another thread, it takes effect once the loop runs it (a message already being delivered
     * still arrives). Safe from any thread; idempotent.
     *
     * <p>While paused, the idle timeout and the keep-alive ping do not run: they measure the
     * peer's silence, and a paused connection is not listening (a pong could not be read). They
     * count again from {@link #resumeReading()}. The handshake and close timeouts keep running;
     * {@link #close} resumes reading by itself, so the peer's close frame is read (no data message
     * is delivered after a close was sent). A peer that closes while this side is paused is heard
     * once reading resumes.
     */
    void pauseReading();

    /**
     * Reads again after {@link #pauseReading()}: what was read before the pause is delivered
     * first, in order, then what the peer sent since. Safe from any thread; idempotent; does nothing
     * once closed.
     */
    void resumeReading();

    /** {@return whether the connection is open: the handshake is done and no close was sent or received} */
    boolean isOpen();

    /** {@return the bytes queued for this connection that the kernel has not taken yet} */
    long queuedBytes();

    /** {@return the address of the peer} */
    InetSocketAddress remoteAddress();

    /**
     * {@return the opening handshake's request (method, path, query, subprotocols offered, headers)}
     * On a server's connection it is the one the client sent, on a client's connection the one this
     * client sent. Its {@linkplain HttpRequestHead#remoteAddress() remote address} is the peer's, as
     * {@link #remoteAddress()}. A server keeps no headers past the handshake unless built with
     * {@link WebSocketServer.Builder#keepRequestHeaders(boolean) keepRequestHeaders(true)}: without
     * it, the header methods of a server connection's request throw {@link IllegalStateException}.
     * Over TLS its {@link HttpRequestHead#tlsSession() tlsSession()} is this connection's session.
     */
    HttpRequestHead request();

    /** {@return the subprotocol agreed in the handshake, or {@code null}} */
    String subprotocol();

    /**
     * The extensions agreed in the handshake as the server's {@code Sec-WebSocket-Extensions}
     * states them, such as {@code permessage-deflate; server_no_context_takeover;
     * client_no_context_takeover}, or {@code null} for none.
     *
     * @return the agreed extensions, or {@code null}
     */
    String extensions();

    /**
     * {@return the object the application attached to this connection, or {@code null}}
     *
     * @param <T> the type the caller expects; a wrong one fails with {@link ClassCastException}
     *     where the result is used
     */
    <T> T attachment();

    /**
     * Attaches an object of the application's to this connection, replacing any before it.
     *
     * @param attachment the object, or {@code null} to drop the one attached
     */
    void attach(Object attachment);
}
