package io.niows.bench.load;

import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Compresses the load tool's messages for permessage-deflate (RFC 7692 §7.2.1), each message on
 * its own: raw DEFLATE at zlib's default level, a sync flush, the trailing {@code 00 00 ff ff}
 * removed, then the history forgotten, so that no message refers to another and the same message
 * always compresses to the same bytes. Written with the JDK alone, apart from niows' own
 * compressor, so the tool sends every server the same bytes whatever niows does.
 *
 * <p>Not thread-safe: one per load thread. {@link #end()} frees its native memory.
 */
final class ClientCompressor {

    private static final int TAIL = 4;

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);

    /** The compressed payload of {@code message}, to send in a frame with RSV1 set. */
    byte[] compress(byte[] message) {
        deflater.setInput(message);
        byte[] out = new byte[message.length + 64];
        int written = 0;
        while (true) {
            written += deflater.deflate(out, written, out.length - written, Deflater.SYNC_FLUSH);
            if (written < out.length) {
                break;
            }
            out = Arrays.copyOf(out, out.length * 2);
        }
        deflater.reset();
        return Arrays.copyOf(out, written - TAIL);
    }

    void end() {
        deflater.end();
    }
}
