package io.niows.internal.reactor;

import java.nio.ByteBuffer;

/**
 * What a connection tells the layer above it (the public API's session): the protocol's events
 * and the transport's. The reactor knows no application type; this interface is how it calls up.
 *
 * <p>Called on the connection's loop thread only, in order. An exception thrown by one of these
 * methods (other than {@link #onError} and {@link #onClose}, which are logged) fails the
 * connection with 1011, and the loop goes on.
 */
public interface ConnectionEvents {

    /** The opening handshake is done. */
    void onOpen();

    /** A complete text message. */
    void onText(String text);

    /** A complete binary message; the buffer belongs to the receiver. */
    void onBinary(ByteBuffer data);

    /** {@return whether the handler takes data messages in chunks; asked once, when the connection opens} */
    boolean streamsMessages();

    /** {@return the largest streamed message the handler takes, in bytes} */
    long maxStreamedMessageSize();

    /** The next chunk of a streamed text message; see {@link io.niows.protocol.EngineListener#onTextChunk}. */
    void onTextChunk(CharSequence chunk, boolean last);

    /** The next chunk of a streamed binary message, valid during the call only. */
    void onBinaryChunk(ByteBuffer chunk, boolean last);

    /** A ping (the pong is already queued). */
    void onPing(ByteBuffer payload);

    /** A pong. */
    void onPong(ByteBuffer payload);

    /** The queued bytes fell to the low-water mark after a send was told it was above the high one. */
    void onWritable();

    /** Something went wrong on this connection: a protocol violation by the peer, an I/O error, or a handler's exception. */
    void onError(Throwable error);

    /** The TCP connection is closed; nothing follows. */
    void onClose(int code, String reason, boolean remote);

    /**
     * A send that carried {@code context} reached the kernel ({@code failure} null), or never will.
     *
     * @param context what the sender passed with the frame; never null
     */
    void onSent(Object context, Throwable failure);
}
