package io.niows.bench.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads server-to-client frames pushed to it in chunks of any size, without checking protocol
 * rules beyond "a server frame is not masked". It keeps no payload: it counts payload bytes past
 * and captures only the first 16 bytes, where the load tool puts a sequence number and a
 * {@code System.nanoTime()} stamp. A frame's header may arrive split across chunks.
 *
 * <p>With permessage-deflate agreed (RFC 7692), a message whose first frame has RSV1 set is
 * inflated as its bytes arrive, all of it, and reported once, at its last frame, with its
 * inflated length and first 16 inflated bytes; frames without RSV1 are reported as they are. The
 * inflater keeps its history from message to message, which is right whether or not the server
 * compresses each message on its own; it is made for the first compressed message, so an idle
 * connection holds none, and {@link #release()} frees it.
 *
 * <p>Not thread-safe: one reader per connection, used by the connection's loop thread.
 */
public final class ServerFrameReader {

    /** Receives each frame once its last payload byte has been read. */
    public interface FrameHandler {
        /**
         * One whole frame. {@code word0} and {@code word1} hold payload bytes 0-7 and 8-15 as
         * big-endian longs (shorter payloads leave the missing low bytes out).
         */
        void onFrame(int opcode, long length, long word0, long word1) throws IOException;
    }

    private static final int B0_FIN = 0x80;
    private static final int B0_RSV1 = 0x40;
    private static final int B0_OPCODE = 0x0F;
    private static final int OP_CONTINUATION = 0x0;
    private static final int OP_CLOSE = 0x8;
    private static final byte[] TAIL = {0, 0, (byte) 0xff, (byte) 0xff};
    private static final int INFLATE_CHUNK = 8192;
    private static final int B1_MASK = 0x80;
    private static final int B1_LENGTH = 0x7F;
    private static final int LEN_16 = 126;
    private static final int LEN_64 = 127;
    private static final int CAPTURE = 16;

    private final byte[] header = new byte[10];
    private int headerRead;
    private int opcode;
    private long length;
    private long remaining = -1;
    private int captured;
    private long word0;
    private long word1;

    private final boolean deflate;
    private Inflater inflater;
    private byte[] inflated;
    /** Whether a compressed message is in progress, and its opcode and inflated size so far. */
    private boolean compressed;
    /** Whether the frame being read carries compressed bytes (not a control frame between fragments). */
    private boolean frameCompressed;
    private boolean fin;
    private int messageOpcode;
    private long inflatedLength;
    private boolean released;

    /** A reader for a connection without extensions. */
    public ServerFrameReader() {
        this(false);
    }

    /** @param deflate whether permessage-deflate was agreed: then RSV1 marks a compressed message */
    public ServerFrameReader(boolean deflate) {
        this.deflate = deflate;
    }

    /** Consumes every byte of {@code in}, calling {@code handler} for each frame completed. */
    public void feed(ByteBuffer in, FrameHandler handler) throws IOException {
        while (true) {
            if (released) {
                in.position(in.limit());
                return;
            }
            if (remaining < 0 && !readHeader(in)) {
                return;
            }
            if (remaining > 0) {
                if (!in.hasRemaining()) {
                    return;
                }
                consumePayload(in);
            }
            if (remaining == 0) {
                remaining = -1;
                if (frameCompressed) {
                    if (fin) {
                        inflate(ByteBuffer.wrap(TAIL));
                        compressed = false;
                        if (inflater.finished()) {
                            inflater.reset();
                        }
                        handler.onFrame(messageOpcode, inflatedLength, word0, word1);
                    }
                } else {
                    // A control frame between the fragments of a compressed message captured nothing.
                    handler.onFrame(opcode, length, compressed ? 0 : word0, compressed ? 0 : word1);
                }
            }
        }
    }

    /** Frees the inflater's native memory; the connection is over and later input is ignored. */
    public void release() {
        released = true;
        if (inflater != null) {
            inflater.end();
            inflater = null;
        }
    }

    private void consumePayload(ByteBuffer in) throws IOException {
        int n = (int) Math.min(remaining, in.remaining());
        if (frameCompressed || compressed) {
            if (frameCompressed) {
                inflate(in.slice(in.position(), n));
            }
            in.position(in.position() + n);
            remaining -= n;
            return;
        }
        int p = in.position();
        int end = p + Math.min(n, CAPTURE - captured);
        for (; p < end; p++) {
            int b = in.get(p) & 0xFF;
            if (captured < 8) {
                word0 = word0 << 8 | b;
            } else {
                word1 = word1 << 8 | b;
            }
            captured++;
        }
        in.position(in.position() + n);
        remaining -= n;
    }

    /** True when the header is complete; false when {@code in} ran out first (bytes kept). */
    private boolean readHeader(ByteBuffer in) throws IOException {
        while (in.hasRemaining()) {
            header[headerRead++] = in.get();
            int need = headerNeeded();
            if (headerRead == need) {
                startPayload();
                return true;
            }
        }
        return false;
    }

    private int headerNeeded() throws IOException {
        if (headerRead < 2) {
            return 2;
        }
        if ((header[1] & B1_MASK) != 0) {
            throw new IOException("server frame is masked (RFC 6455 §5.1 forbids it)");
        }
        int len7 = header[1] & B1_LENGTH;
        return len7 == LEN_16 ? 4 : len7 == LEN_64 ? 10 : 2;
    }

    private void startPayload() throws IOException {
        opcode = header[0] & B0_OPCODE;
        fin = (header[0] & B0_FIN) != 0;
        int len7 = header[1] & B1_LENGTH;
        if (len7 == LEN_16) {
            length = (header[2] & 0xFFL) << 8 | (header[3] & 0xFFL);
        } else if (len7 == LEN_64) {
            length = ByteBuffer.wrap(header, 2, 8).getLong();
            if (length < 0) {
                throw new IOException("64-bit frame length has its top bit set");
            }
        } else {
            length = len7;
        }
        remaining = length;
        headerRead = 0;
        boolean control = opcode >= OP_CLOSE;
        if (compressed) {
            frameCompressed = !control;
            return;
        }
        captured = 0;
        word0 = 0;
        word1 = 0;
        frameCompressed = deflate && (header[0] & B0_RSV1) != 0 && !control && opcode != OP_CONTINUATION;
        if (frameCompressed) {
            compressed = true;
            messageOpcode = opcode;
            inflatedLength = 0;
        }
    }

    /** Inflates all of {@code compressedBytes}, counting the output and capturing its first 16 bytes. */
    private void inflate(ByteBuffer compressedBytes) throws IOException {
        if (inflater == null) {
            inflater = new Inflater(true);
            inflated = new byte[INFLATE_CHUNK];
        }
        if (inflater.finished()) {
            return;
        }
        inflater.setInput(compressedBytes);
        try {
            while (true) {
                int n = inflater.inflate(inflated);
                capture(inflated, n);
                inflatedLength += n;
                if (n < inflated.length && (inflater.needsInput() || inflater.finished())) {
                    return;
                }
                if (n == 0) {
                    throw new IOException("compressed message needs a preset dictionary");
                }
            }
        } catch (DataFormatException e) {
            throw new IOException("server sent invalid compressed data: " + e.getMessage(), e);
        }
    }

    private void capture(byte[] bytes, int n) {
        for (int i = 0; i < n && captured < CAPTURE; i++, captured++) {
            if (captured < 8) {
                word0 = word0 << 8 | (bytes[i] & 0xFF);
            } else {
                word1 = word1 << 8 | (bytes[i] & 0xFF);
            }
        }
    }
}
