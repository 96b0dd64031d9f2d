package io.niows.spectests.wire;

/**
 * Encodes one frame header and payload into bytes, whatever the header says: any opcode,
 * any reserved bits, masked or not (RFC 6455 section 5.2). It never refuses; producing
 * frames a correct peer never would is its purpose. Stateless; safe from any thread.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-------+-+-------------+-------------------------------+
 * |F|R|R|R| opcode|M| Payload len |    Extended payload length    |
 * |I|S|S|S|  (4)  |A|     (7)     |             (16/64)           |
 * |N|V|V|V|       |S|             |   (if payload len==126/127)   |
 * | |1|2|3|       |K|             |                               |
 * +-+-+-+-+-------+-+-------------+ - - - - - - - - - - - - - - - +
 * </pre>
 */
public final class FrameWriter {
    static final int B0_FLAG_FIN = 0x80;
    static final int B0_MASK_RSV = 0x70;
    static final int B0_MASK_OPCODE = 0x0F;
    static final int B1_FLAG_MASK = 0x80;
    static final int B1_MASK_LENGTH = 0x7F;
    static final int LENGTH_16 = 126;
    static final int LENGTH_64 = 127;

    private FrameWriter() {
    }

    /**
     * Returns the frame's bytes.
     *
     * @param maskKey 4 bytes to mask the payload with, or {@code null} to send it unmasked
     */
    public static byte[] encode(boolean fin, int rsv, int opcode, byte[] payload, byte[] maskKey) {
        int len = payload.length;
        int lengthBytes = len < LENGTH_16 ? 0 : len <= 0xFFFF ? 2 : 8;
        int header = 2 + lengthBytes + (maskKey == null ? 0 : 4);
        byte[] out = new byte[header + len];
        out[0] = (byte) ((fin ? B0_FLAG_FIN : 0) | ((rsv << 4) & B0_MASK_RSV) | (opcode & B0_MASK_OPCODE));
        int b1 = maskKey == null ? 0 : B1_FLAG_MASK;
        int pos = 2;
        if (lengthBytes == 0) {
            out[1] = (byte) (b1 | len);
        } else if (lengthBytes == 2) {
            out[1] = (byte) (b1 | LENGTH_16);
            out[pos++] = (byte) (len >>> 8);
            out[pos++] = (byte) len;
        } else {
            out[1] = (byte) (b1 | LENGTH_64);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out[pos++] = (byte) ((long) len >>> shift);
            }
        }
        if (maskKey == null) {
            System.arraycopy(payload, 0, out, pos, len);
            return out;
        }
        System.arraycopy(maskKey, 0, out, pos, 4);
        pos += 4;
        for (int i = 0; i < len; i++) {
            out[pos + i] = (byte) (payload[i] ^ maskKey[i & 3]);
        }
        return out;
    }
}
