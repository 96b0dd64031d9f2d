package io.niows.internal.frame;

import static io.niows.internal.frame.WireFormat.B0_FLAG_FIN;
import static io.niows.internal.frame.WireFormat.B0_FLAG_RSV1;
import static io.niows.internal.frame.WireFormat.B0_FLAG_RSV2;
import static io.niows.internal.frame.WireFormat.B0_FLAG_RSV3;
import static io.niows.internal.frame.WireFormat.B0_MASK_OPCODE;
import static io.niows.internal.frame.WireFormat.B0_MASK_RSV;

/**
 * One frame header as read from the wire (RFC 6455 §5.2), not yet judged against any rule.
 * Immutable and thread-safe.
 *
 * @param byte0 the first header byte: FIN, RSV1-3 and the opcode
 * @param masked whether the MASK bit was set
 * @param payloadLength the payload length, never negative
 * @param maskingKey the masking key, its first octet in the most significant byte; 0 when not
 *     masked
 */
public record FrameHeader(int byte0, boolean masked, long payloadLength, int maskingKey) {

    /** Builds a header from its fields, as an encoder would write it. */
    public static FrameHeader of(
            boolean fin, int opcode, boolean masked, long payloadLength, int maskingKey) {
        return new FrameHeader((fin ? B0_FLAG_FIN : 0) | opcode, masked, payloadLength, maskingKey);
    }

    /** FIN: the final fragment of its message. */
    public boolean fin() {
        return (byte0 & B0_FLAG_FIN) != 0;
    }

    /** RSV1. */
    public boolean rsv1() {
        return (byte0 & B0_FLAG_RSV1) != 0;
    }

    /** RSV2. */
    public boolean rsv2() {
        return (byte0 & B0_FLAG_RSV2) != 0;
    }

    /** RSV3. */
    public boolean rsv3() {
        return (byte0 & B0_FLAG_RSV3) != 0;
    }

    /** The three reserved bits, in place ({@link WireFormat#B0_MASK_RSV}). */
    public int rsvBits() {
        return byte0 & B0_MASK_RSV;
    }

    /** The 4-bit opcode. */
    public int opcode() {
        return byte0 & B0_MASK_OPCODE;
    }

    /** Whether this is a control frame (opcode 0x8 to 0xF). */
    public boolean isControl() {
        return WireFormat.isControl(opcode());
    }
}
