package io.niows;

import java.nio.ByteBuffer;

/**
 * A handler that receives data messages in chunks as their frames arrive, instead of whole: for
 * messages too large to hold (uploads, proxied streams, files), or to start working before a
 * message ends. Nothing of a message is buffered: a chunk is a frame's payload as one read brought
 * it (or what zlib inflated from it, with permessage-deflate), so memory stays constant whatever
 * the message's size. Route it like any handler; the default stays whole messages ({@link
 * WebSocketHandler#onText}, {@link WebSocketHandler#onBinary}, which a streaming handler never
 * gets).
 *
 * <pre>{@code
 * server.route("/upload", new StreamingHandler() {
 *     public void onBinaryChunk(WebSocket ws, ByteBuffer chunk, boolean last) {
 *         OutputStreams.write(ws.attachment(), chunk); // copy: the buffer is reused after the call
 *         if (last) {
 *             ws.sendText("stored");
 *         }
 *     }
 *     public void onTextChunk(WebSocket ws, CharSequence chunk, boolean last) {
 *         ws.close(CloseCode.UNSUPPORTED_DATA, "binary only");
 *     }
 * });
 * }</pre>
 *
 * <p>Text is still validated as it arrives (RFC 6455 §8.1, fail fast): a text chunk never splits
 * a code point, and on an invalid byte the handler gets the text before that byte, then the
 * connection fails with 1007 ({@code onError}, {@code onClose}); it never gets a chunk marked last
 * for that message. The message and frame size limits of the server or client bound what is
 * buffered; a streamed message buffers nothing, so they do not apply to it: {@link
 * #maxStreamedMessageSize()} does (no limit by default), and past it the connection fails with 1009.
 *
 * <p>Thread-safety: as every handler, called on the connection's loop thread, one call at a time
 * per connection. A slow consumer pauses the peer with {@link WebSocket#pauseReading()}.
 */
public interface StreamingHandler extends WebSocketHandler {

    /**
     * The next chunk of a text message.
     *
     * @param ws the connection
     * @param chunk the next text, whole code points only; may be empty (the last chunk of a
     *     message whose frames ended on an empty one)
     * @param last whether the message ends with this chunk
     */
    void onTextChunk(WebSocket ws, CharSequence chunk, boolean last);

    /**
     * The next chunk of a binary message.
     *
     * @param ws the connection
     * @param chunk the next bytes, from position to limit; may be empty for the last; valid only
     *     during the call (it views the loop's read buffer): copy or send what you keep. Sending it
     *     on ({@link WebSocket#sendFragment}) copies it.
     * @param last whether the message ends with this chunk
     */
    void onBinaryChunk(WebSocket ws, ByteBuffer chunk, boolean last);

    /**
     * {@return the largest message this handler accepts, in bytes (inflated bytes with
     * permessage-deflate); also bounds each frame} {@link Long#MAX_VALUE}, no limit, by default:
     * nothing is buffered. Asked once per connection, when it opens.
     */
    default long maxStreamedMessageSize() {
        return Long.MAX_VALUE;
    }
}
