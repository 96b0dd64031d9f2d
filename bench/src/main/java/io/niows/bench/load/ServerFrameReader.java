package io.niows.bench.load;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads server-to-client frames pushed to it in chunks of any size, without checking protocol
 * rules beyond "a server frame is not masked". It keeps no payload: it counts payload bytes past
 * and captures only the first 16 bytes, where the load tool puts a sequence number and a
 * {@code System.nanoTime()} stamp. A frame's header may arrive split across chunks.
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

    private static final int B0_OPCODE = 0x0F;
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

    /** Consumes every byte of {@code in}, calling {@code handler} for each frame completed. */
    public void feed(ByteBuffer in, FrameHandler handler) throws IOException {
        while (true) {
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
                handler.onFrame(opcode, length, word0, word1);
            }
        }
    }

    private void consumePayload(ByteBuffer in) {
        int n = (int) Math.min(remaining, in.remaining());
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
        captured = 0;
        word0 = 0;
        word1 = 0;
    }
}
