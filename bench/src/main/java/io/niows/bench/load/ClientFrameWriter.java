package io.niows.bench.load;

import java.nio.ByteBuffer;

/**
 * Writes client-to-server frames: always masked (RFC 6455 §5.3); final unless the caller asks for a
 * fragment (§5.4); RSV1 when the caller adds {@link #RSV1} to the opcode of a compressed message
 * (RFC 7692 §6). Independent of niows on purpose, so the load tool measures
 * every server with the same bytes.
 *
 * <pre>
 *  byte 0: FIN(0x80) | opcode      byte 1: MASK(0x80) | length 0..125, 126 (+2 bytes), 127 (+8 bytes)
 *  then the 4-byte masking key, then the payload XOR key[i % 4]
 * </pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ClientFrameWriter {

    /** Opcode of a continuation frame: a later fragment of a message. */
    public static final int OP_CONTINUATION = 0x0;
    /** Opcode of a text data frame. */
    public static final int OP_TEXT = 0x1;
    /** Opcode of a binary data frame. */
    public static final int OP_BINARY = 0x2;
    /** Opcode of a close frame. */
    public static final int OP_CLOSE = 0x8;
    /** Opcode of a ping frame. */
    public static final int OP_PING = 0x9;
    /** Opcode of a pong frame. */
    public static final int OP_PONG = 0xA;
    /** The RSV1 bit, added to a data opcode: the message is compressed (permessage-deflate). */
    public static final int RSV1 = 0x40;

    private static final int B0_FIN = 0x80;
    private static final int B1_MASK = 0x80;
    private static final int LEN_16 = 126;
    private static final int LEN_64 = 127;
    private static final int MAX_7 = 125;
    private static final int MASK_KEY_BYTES = 4;

    private ClientFrameWriter() {
    }

    /** The number of bytes a masked frame with {@code payloadLength} bytes of payload takes. */
    public static int frameLength(int payloadLength) {
        return headerLength(payloadLength) + payloadLength;
    }

    private static int headerLength(int payloadLength) {
        int extended = payloadLength <= MAX_7 ? 0 : payloadLength <= 0xFFFF ? 2 : 8;
        return 2 + extended + MASK_KEY_BYTES;
    }

    /**
     * Writes one masked frame into {@code out}: the bytes of {@code payload} from its position to
     * its limit, masked with {@code maskKey}. {@code payload} is not changed; {@code out} must have
     * {@link #frameLength} bytes free.
     */
    public static void write(ByteBuffer out, int opcode, ByteBuffer payload, int maskKey) {
        write(out, true, opcode, payload, maskKey);
    }

    /**
     * As {@link #write(ByteBuffer, int, ByteBuffer, int)}, with the FIN bit set only when
     * {@code fin}: a fragment that is not the last of its message has it clear.
     */
    public static void write(ByteBuffer out, boolean fin, int opcode, ByteBuffer payload, int maskKey) {
        int length = payload.remaining();
        out.put((byte) ((fin ? B0_FIN : 0) | opcode));
        if (length <= MAX_7) {
            out.put((byte) (B1_MASK | length));
        } else if (length <= 0xFFFF) {
            out.put((byte) (B1_MASK | LEN_16)).putShort((short) length);
        } else {
            out.put((byte) (B1_MASK | LEN_64)).putLong(length);
        }
        out.putInt(maskKey);
        int p = payload.position();
        int i = 0;
        long key8 = (maskKey & 0xFFFFFFFFL) << 32 | (maskKey & 0xFFFFFFFFL);
        for (; i + 8 <= length; i += 8) {
            out.putLong(payload.getLong(p + i) ^ key8);
        }
        for (; i < length; i++) {
            out.put((byte) (payload.get(p + i) ^ (maskKey >>> (24 - 8 * (i & 3)))));
        }
    }

    /** A new read-ready buffer holding one masked frame of {@code payload} (see {@link #write}). */
    public static ByteBuffer frame(int opcode, ByteBuffer payload, int maskKey, boolean direct) {
        int n = frameLength(payload.remaining());
        ByteBuffer out = direct ? ByteBuffer.allocateDirect(n) : ByteBuffer.allocate(n);
        write(out, opcode, payload, maskKey);
        return out.flip();
    }
}
