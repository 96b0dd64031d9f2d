package io.niows.internal.frame;

import java.nio.ByteBuffer;

/**
 * What a {@link FrameDecoder} reports: each complete data message and each control frame, after
 * the RFC 6455 checks. The codec's own consumer interface, so that it needs nothing from the
 * protocol layer above it; the protocol implements it and decides what each event means for the
 * connection (answering pings, echoing a close).
 *
 * <p>Called only from the thread that drives the decoder, synchronously from {@link
 * FrameDecoder#decode}, in the order the frames arrived: a control frame that arrives between the
 * fragments of a message is reported before that message. A callback may throw; the exception
 * leaves {@code decode} as it is, and the decoder must not be used again.
 */
public interface FrameEvents {

    /** A complete text message, its UTF-8 already validated (RFC 6455 §8.1). */
    void onText(String text);

    /** A complete binary message; the buffer, exactly the message's bytes, belongs to the callee. */
    void onBinary(ByteBuffer data);

    /**
     * The next chunk of a streamed binary message, once {@link FrameDecoder#streamMessages} was
     * asked for; the buffer is valid only during the call. This default refuses: a consumer that
     * takes whole messages never asks for chunks.
     *
     * @param chunk the next bytes of the message, possibly empty for the last
     * @param last whether the message ends with this chunk
     */
    default void onBinaryChunk(ByteBuffer chunk, boolean last) {
        throw new UnsupportedOperationException("this consumer takes whole messages");
    }

    /**
     * The next chunk of a streamed text message, validated and never splitting a code point, once
     * {@link FrameDecoder#streamMessages} was asked for. This default refuses, as {@link #onBinaryChunk}.
     *
     * @param chunk the next text of the message, possibly empty
     * @param last whether the message ends with this chunk
     */
    default void onTextChunk(CharSequence chunk, boolean last) {
        throw new UnsupportedOperationException("this consumer takes whole messages");
    }

    /** A ping (RFC 6455 §5.5.2); the buffer holds its payload, at most 125 bytes. */
    void onPing(ByteBuffer payload);

    /** A pong (RFC 6455 §5.5.3); the buffer holds its payload, at most 125 bytes. */
    void onPong(ByteBuffer payload);

    /**
     * A close frame (RFC 6455 §5.5.1), whose code {@link CloseCodes#validInCloseFrame} accepted
     * and whose reason is valid UTF-8. The decoder reports nothing after it.
     *
     * @param code the status code, or {@link CloseCodes#NO_STATUS_RECEIVED} for an empty close
     *     frame
     * @param reason the reason, empty when none
     */
    void onCloseReceived(int code, String reason);
}
