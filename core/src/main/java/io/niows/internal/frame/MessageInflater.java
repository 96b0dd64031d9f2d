package io.niows.internal.frame;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates the compressed messages of one connection for permessage-deflate (RFC 7692 §7.2.2),
 * chunk by chunk as their frames arrive: the payload of each message, then the {@code 00 00 ff ff}
 * the sender removed. {@link FrameDecoder} drives it and owns the output buffer, so that the size
 * limit and the UTF-8 check apply to the inflated bytes as they appear.
 *
 * <p>When the peer compresses each message on its own (it agreed to no context takeover), a zlib
 * stream is borrowed from a shared pool for the length of one message, and an idle connection
 * holds none; when the peer keeps its history across messages, this connection keeps its own
 * stream. A DEFLATE block with BFINAL set (§7.2.3.4) ends the stream: what follows it in the
 * message is ignored and the next message starts a new stream.
 *
 * <p>Not thread-safe: driven by the decoder's thread.
 */
public final class MessageInflater {

    private static final byte[] TAIL = {0, 0, (byte) 0xff, (byte) 0xff};

    private final ZlibPool<Inflater> pool;
    private final boolean peerKeepsContext;
    private Inflater inflater;

    /**
     * @param pool where streams are borrowed from when the peer does not keep its context
     * @param peerKeepsContext whether the peer's messages may refer to earlier ones
     */
    public MessageInflater(ZlibPool<Inflater> pool, boolean peerKeepsContext) {
        this.pool = pool;
        this.peerKeepsContext = peerKeepsContext;
    }

    /** The next compressed bytes of the message; inflate until {@link #inflate} returns less than asked. */
    void input(ByteBuffer compressed) {
        if (inflater == null) {
            inflater = peerKeepsContext ? new Inflater(true) : pool.take();
        }
        inflater.setInput(compressed);
    }

    /** The message's last frame was read: the removed tail follows (§7.2.2). */
    void inputTail() {
        input(ByteBuffer.wrap(TAIL));
    }

    /**
     * Inflates into {@code out}.
     *
     * @return the bytes written; less than {@code length} once all input given so far is inflated
     * @throws ProtocolViolation 1007 when the bytes are not a DEFLATE stream
     */
    int inflate(byte[] out, int offset, int length) {
        if (inflater.finished()) {
            return 0;
        }
        try {
            return inflater.inflate(out, offset, length);
        } catch (DataFormatException e) {
            throw ProtocolViolation.invalidPayload("invalid compressed data: " + e.getMessage());
        }
    }

    /** The message is complete: its stream goes back to the pool, or stays for the next message. */
    void endMessage() {
        if (peerKeepsContext && !inflater.finished()) {
            return;
        }
        inflater.reset();
        if (!peerKeepsContext) {
            pool.give(inflater);
            inflater = null;
        }
    }

    /** The connection is over: frees or gives back the stream, whatever state it is in. */
    void release() {
        if (inflater == null) {
            return;
        }
        if (peerKeepsContext) {
            inflater.end();
        } else {
            inflater.reset();
            pool.give(inflater);
        }
        inflater = null;
    }
}
