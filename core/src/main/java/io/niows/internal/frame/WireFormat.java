package io.niows.internal.frame;

/**
 * The bits of a frame header (RFC 6455 §5.2), named by the byte they live in.
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
 * |     Extended payload length continued, if payload len == 127  |
 * + - - - - - - - - - - - - - - - +-------------------------------+
 * |                               |Masking-key, if MASK set to 1  |
 * +-------------------------------+-------------------------------+
 * | Masking-key (continued)       |          Payload Data         |
 * +-------------------------------- - - - - - - - - - - - - - - - +
 * :                     Payload Data continued ...                :
 * +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Multi-byte lengths are in network byte order (big-endian). Constants only; thread-safe.
 */
public final class WireFormat {

    /** Byte 0: this is the final fragment of a message. */
    public static final int B0_FLAG_FIN = 0x80;
    /** Byte 0: reserved bit 1 (meaning given by an extension, e.g. permessage-deflate). */
    public static final int B0_FLAG_RSV1 = 0x40;
    /** Byte 0: reserved bit 2. */
    public static final int B0_FLAG_RSV2 = 0x20;
    /** Byte 0: reserved bit 3. */
    public static final int B0_FLAG_RSV3 = 0x10;
    /** Byte 0: all three reserved bits. */
    public static final int B0_MASK_RSV = B0_FLAG_RSV1 | B0_FLAG_RSV2 | B0_FLAG_RSV3;
    /** Byte 0: the opcode. */
    public static final int B0_MASK_OPCODE = 0x0F;
    /** Byte 1: the payload is masked and a 4-byte masking key follows the length. */
    public static final int B1_FLAG_MASK = 0x80;
    /** Byte 1: the 7-bit payload length, or one of the two escapes below. */
    public static final int B1_MASK_LENGTH = 0x7F;

    /** The largest length that fits the 7-bit field itself. */
    public static final int PAYLOAD_SHORT_MAX = 125;
    /** 7-bit length value meaning "a 16-bit length follows". */
    public static final int PAYLOAD_LENGTH_16 = 126;
    /** 7-bit length value meaning "a 64-bit length follows". */
    public static final int PAYLOAD_LENGTH_64 = 127;
    /** The largest length a 16-bit extended length carries. */
    public static final int PAYLOAD_16_MAX = 0xFFFF;
    /** The most significant bit of a 64-bit length, which RFC 6455 §5.2 says MUST be 0. */
    public static final long PAYLOAD_64_SIGN_BIT = 0x8000_0000_0000_0000L;

    /** Bytes of the masking key. */
    public static final int MASKING_KEY_LENGTH = 4;
    /** The shortest header: two bytes. */
    public static final int MIN_HEADER_LENGTH = 2;
    /** The longest header: two bytes, a 64-bit length and a masking key. */
    public static final int MAX_HEADER_LENGTH = 14;

    /** Opcode of a continuation frame. */
    public static final int OPCODE_CONTINUATION = 0x0;
    /** Opcode of a text frame. */
    public static final int OPCODE_TEXT = 0x1;
    /** Opcode of a binary frame. */
    public static final int OPCODE_BINARY = 0x2;
    /** Opcode of a close frame. */
    public static final int OPCODE_CLOSE = 0x8;
    /** Opcode of a ping frame. */
    public static final int OPCODE_PING = 0x9;
    /** Opcode of a pong frame. */
    public static final int OPCODE_PONG = 0xA;
    /** Opcodes with this bit set are control frames (RFC 6455 §5.5). */
    public static final int OPCODE_FLAG_CONTROL = 0x8;

    /** RFC 6455 §5.5: "All control frames MUST have a payload length of 125 bytes or less". */
    public static final int MAX_CONTROL_PAYLOAD = 125;
    /** The close reason fits a control frame after the 2-byte status code. */
    public static final int MAX_CLOSE_REASON = MAX_CONTROL_PAYLOAD - 2;

    private WireFormat() {}

    /** Whether an opcode names a control frame (RFC 6455 §5.5: opcodes 0x8 to 0xF). */
    public static boolean isControl(int opcode) {
        return (opcode & OPCODE_FLAG_CONTROL) != 0;
    }

    /** The header length of a frame with this payload length, masked or not. */
    public static int headerLength(long payloadLength, boolean masked) {
        int length = MIN_HEADER_LENGTH + (masked ? MASKING_KEY_LENGTH : 0);
        if (payloadLength > PAYLOAD_16_MAX) {
            return length + Long.BYTES;
        }
        return payloadLength > PAYLOAD_SHORT_MAX ? length + Short.BYTES : length;
    }
}
