package io.niows.bench.soak;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads whole server-to-client frames from a blocking stream, payload included, so that every echo
 * can be compared byte for byte. It checks what a client must (RFC 6455 §5.1: a server frame is
 * not masked; §5.2: no RSV bit without an extension) and refuses a frame longer than the soak ever
 * asks for, so a corrupt length cannot make it allocate gigabytes.
 *
 * <pre>
 *  byte 0: FIN(0x80) | RSV1-3(0x70) | opcode(0x0F)    byte 1: MASK(0x80) | length 0..125, 126 (+2), 127 (+8)
 * </pre>
 *
 * <p>Not thread-safe: one per connection, used by that connection's thread.
 */
final class ServerFrameInput {

    /** One frame as it arrived. */
    record Frame(boolean fin, int opcode, byte[] payload) {
    }

    private static final int B0_FIN = 0x80;
    private static final int B0_RSV = 0x70;
    private static final int B0_OPCODE = 0x0F;
    private static final int B1_MASK = 0x80;
    private static final int B1_LENGTH = 0x7F;
    private static final int LEN_16 = 126;
    private static final int LEN_64 = 127;

    private final DataInputStream in;
    private final int maxPayload;

    ServerFrameInput(InputStream in, int maxPayload) {
        this.in = new DataInputStream(in);
        this.maxPayload = maxPayload;
    }

    /** The next frame, or null when the stream ended cleanly between two frames. */
    Frame next() throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            return null;
        }
        try {
            int b1 = in.readUnsignedByte();
            if ((b0 & B0_RSV) != 0) {
                throw new IOException("server frame has an RSV bit set: 0x" + Integer.toHexString(b0));
            }
            if ((b1 & B1_MASK) != 0) {
                throw new IOException("server frame is masked (RFC 6455 §5.1 forbids it)");
            }
            long length = b1 & B1_LENGTH;
            if (length == LEN_16) {
                length = in.readUnsignedShort();
            } else if (length == LEN_64) {
                length = in.readLong();
            }
            if (length < 0 || length > maxPayload) {
                throw new IOException("server frame of " + length + " bytes; the soak never sends more than " + maxPayload);
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            return new Frame((b0 & B0_FIN) != 0, b0 & B0_OPCODE, payload);
        } catch (EOFException e) {
            throw new IOException("the connection ended in the middle of a frame", e);
        }
    }
}
