package io.niows.spectests.deflate;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/**
 * Compresses the fuzzer's messages for permessage-deflate (RFC 7692 section 7.2.1) with the
 * JDK's zlib: raw DEFLATE ({@code nowrap}), each message ended with {@code SYNC_FLUSH} and the
 * trailing {@code 00 00 ff ff} removed. With no context takeover every message starts from a
 * fresh context; otherwise the window carries over.
 *
 * <p>The JDK's {@code Deflater} always uses a 32 KiB window (15 bits). To keep every
 * back-reference within a smaller agreed window of 2^N octets, the input is fed in pieces so
 * that at most 2^N octets are compressed between two {@code FULL_FLUSH}es, which forget the
 * history (zlib clears its match table): no reference can reach further back than 2^N - 1.
 * It costs ratio, which the report shows.
 *
 * <p>Holds native memory until {@link #close}. Not thread-safe: one per connection.
 */
public final class MessageDeflater implements AutoCloseable {
    private static final int TAIL = 4;

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final boolean noContextTakeover;
    /** The window in octets when smaller than the JDK's own, else 0. */
    private final int window;
    private final byte[] buf = new byte[65536];
    /** Input octets compressed since the history was last forgotten. */
    private int sinceReset;

    public MessageDeflater(boolean noContextTakeover, int maxWindowBits) {
        this.noContextTakeover = noContextTakeover;
        this.window = maxWindowBits < DeflateParams.MAX_WINDOW_BITS ? 1 << maxWindowBits : 0;
    }

    /** Returns the message's compressed payload, without the trailing {@code 00 00 ff ff}. */
    public byte[] compress(byte[] message) {
        if (noContextTakeover) {
            deflater.reset();
            sinceReset = 0;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length / 2 + 64);
        int off = 0;
        while (off < message.length) {
            if (window > 0 && sinceReset == window) {
                flush(Deflater.FULL_FLUSH, out);
                sinceReset = 0;
            }
            int n = window > 0 ? Math.min(message.length - off, window - sinceReset) : message.length - off;
            deflater.setInput(message, off, n);
            while (!deflater.needsInput()) {
                out.write(buf, 0, deflater.deflate(buf, 0, buf.length, Deflater.NO_FLUSH));
            }
            off += n;
            sinceReset += n;
        }
        flush(Deflater.SYNC_FLUSH, out);
        byte[] all = out.toByteArray();
        int n = all.length - TAIL;
        if (n < 0 || all[n] != 0 || all[n + 1] != 0 || all[n + 2] != (byte) 0xff || all[n + 3] != (byte) 0xff) {
            throw new IllegalStateException("SYNC_FLUSH did not end in 00 00 ff ff");
        }
        byte[] payload = new byte[n];
        System.arraycopy(all, 0, payload, 0, n);
        return payload;
    }

    private void flush(int mode, ByteArrayOutputStream out) {
        int n;
        do {
            n = deflater.deflate(buf, 0, buf.length, mode);
            out.write(buf, 0, n);
        } while (n == buf.length);
    }

    /** Releases the native memory now rather than at garbage collection. */
    @Override
    public void close() {
        deflater.end();
    }
}
