package io.niows.internal.frame;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Compresses one message at a time for permessage-deflate (RFC 7692 §7.2.1): a raw DEFLATE stream
 * ended with a sync flush, whose trailing {@code 00 00 ff ff} is removed; the caller sends the
 * result as the payload of a frame with RSV1 set.
 *
 * <p>The JDK's {@link Deflater} always keeps a window of 2^15 bytes. A smaller window agreed with
 * {@code server_max_window_bits} or {@code client_max_window_bits} (the peer's inflater holds only
 * that much history) is honoured by resetting the compressor's history with a full flush at least
 * every 2^N input bytes: no back-reference can then reach further than the window. It costs some
 * ratio on long messages, nothing on messages shorter than the window.
 *
 * <p>Two kinds: {@link #independent} compresses each message on its own (no context takeover),
 * so the same bytes are valid for every peer that agreed on the window, and holds no zlib memory
 * between messages; {@link #withContext} keeps the history across messages (context takeover) for
 * one connection.
 *
 * <p><b>Thread-safety:</b> an independent deflater is thread-safe: each message borrows a zlib
 * stream from a pool. One with context is not: its user calls it in the order the messages go on
 * the wire, one at a time.
 */
public final class MessageDeflater {

    /** The largest window, and the one the JDK's deflater always uses: 2^15 bytes. */
    public static final int MAX_WINDOW_BITS = 15;
    /** The smallest window RFC 7692 allows: 2^8 bytes. */
    public static final int MIN_WINDOW_BITS = 8;
    private static final int TAIL = 4;

    private final int level;
    /** The window in bytes, or 0 for the full one (no forced flushes). */
    private final int window;
    private final ZlibPool<Deflater> pool;
    private Deflater context;
    /** Input bytes compressed since the last full flush; counted only for a window under 2^15. */
    private int sinceFullFlush;

    private MessageDeflater(int level, int windowBits, boolean independent) {
        if (level < Deflater.NO_COMPRESSION || level > Deflater.BEST_COMPRESSION) {
            throw new IllegalArgumentException("compression level must be 0 to 9: " + level);
        }
        if (windowBits < MIN_WINDOW_BITS || windowBits > MAX_WINDOW_BITS) {
            throw new IllegalArgumentException("window bits must be 8 to 15: " + windowBits);
        }
        this.level = level;
        this.window = windowBits == MAX_WINDOW_BITS ? 0 : 1 << windowBits;
        this.pool = independent ? new ZlibPool<>(this::newDeflater, Deflater::end, ZlibPool.DEFAULT_MAX_IDLE) : null;
    }

    /** A thread-safe deflater that compresses every message on its own. */
    public static MessageDeflater independent(int level, int windowBits) {
        return new MessageDeflater(level, windowBits, true);
    }

    /** A deflater for one connection that keeps its history across messages. */
    public static MessageDeflater withContext(int level, int windowBits) {
        return new MessageDeflater(level, windowBits, false);
    }

    /**
     * Compresses a whole message; {@code message}'s position does not move.
     *
     * @return the payload to send, from position 0, without the trailing {@code 00 00 ff ff}
     */
    public ByteBuffer compress(ByteBuffer message) {
        if (pool == null) {
            if (context == null) {
                context = newDeflater();
            }
            return deflate(context, message);
        }
        Deflater deflater = pool.take();
        try {
            return deflate(deflater, message);
        } finally {
            deflater.reset();
            pool.give(deflater);
        }
    }

    /**
     * Forgets the history: the peer's inflater now holds bytes this deflater did not produce (a
     * message compressed elsewhere, such as a broadcast), so no later message may refer to what
     * came before. Does nothing for an independent deflater.
     */
    public void resetContext() {
        if (context != null) {
            context.reset();
            sinceFullFlush = 0;
        }
    }

    /** Frees the zlib memory of a deflater with context; the connection is over. */
    public void end() {
        if (context != null) {
            context.end();
            context = null;
        }
    }

    /** Whether this deflater compresses each message on its own. */
    public boolean isIndependent() {
        return pool != null;
    }

    private Deflater newDeflater() {
        return new Deflater(level, true);
    }

    private void sinceFullFlush(int bytes) {
        if (pool == null) {
            sinceFullFlush = bytes;
        }
    }

    private ByteBuffer deflate(Deflater deflater, ByteBuffer message) {
        int from = message.position();
        int end = message.limit();
        byte[] out = new byte[(end - from) / 4 + 64];
        int written = 0;
        int counted = pool == null ? sinceFullFlush : 0;
        do {
            int chunk = window == 0 ? end - from : Math.min(end - from, window - counted);
            deflater.setInput(message.slice(from, chunk));
            from += chunk;
            counted += chunk;
            // A full flush where the window is used up; else a sync flush ends the message.
            boolean full = window != 0 && counted == window;
            int mode = full ? Deflater.FULL_FLUSH : Deflater.SYNC_FLUSH;
            if (full) {
                counted = 0;
            }
            while (true) {
                int n = deflater.deflate(out, written, out.length - written, mode);
                written += n;
                if (written < out.length) {
                    break;
                }
                out = Arrays.copyOf(out, out.length * 2);
            }
        } while (from < end);
        sinceFullFlush(counted);
        return ByteBuffer.wrap(out, 0, written - TAIL).slice();
    }
}
