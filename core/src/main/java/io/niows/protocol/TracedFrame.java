package io.niows.protocol;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * One frame as it went over the wire (RFC 6455 §5.2): its header bytes exactly, the fields read
 * from them, a bounded preview of its payload (unmasked), and for a close frame its status code,
 * reason and what the code means. Made by {@link WireTrace}; handed to a {@link FrameTrace}.
 *
 * <p>Immutable in use and thread-safe: the arrays are the value's own copies and must not be
 * changed by whoever receives it.
 *
 * @param direction whether this side received or sent the frame
 * @param offset where the frame's first byte is in its direction's byte stream, counted from the
 *     first byte after the opening handshake's head
 * @param header the header's bytes: 2 to 14 of them (§5.2)
 * @param payloadLength the payload length the header declares; negative only for a 64-bit length
 *     with its most significant bit set, which §5.2 forbids
 * @param preview the payload's first bytes, unmasked: at most {@link WireTrace#PREVIEW_BYTES}, all
 *     of a control frame's
 * @param inflatedLength for the last frame of a message compressed with permessage-deflate (RFC
 *     7692), the message's inflated size in bytes when the tracer knew it; else -1
 */
public record TracedFrame(Direction direction, long offset, byte[] header, long payloadLength, byte[] preview,
        long inflatedLength) {

    /** Whether the frame came in or went out, seen from the traced side. */
    public enum Direction {
        /** Received by the traced side. */
        IN,
        /** Sent by the traced side. */
        OUT
    }

    /** {@return FIN: the last frame of its message (§5.2)} */
    public boolean fin() {
        return (header[0] & 0x80) != 0;
    }

    /** {@return RSV1: on the first frame of a message, "compressed" under permessage-deflate} */
    public boolean rsv1() {
        return (header[0] & 0x40) != 0;
    }

    /** {@return RSV2} */
    public boolean rsv2() {
        return (header[0] & 0x20) != 0;
    }

    /** {@return RSV3} */
    public boolean rsv3() {
        return (header[0] & 0x10) != 0;
    }

    /** {@return the 4-bit opcode} */
    public int opcode() {
        return header[0] & 0x0F;
    }

    /** {@return the opcode's name (§5.2, §11.8): continuation, text, binary, close, ping, pong or reserved} */
    public String opcodeName() {
        return switch (opcode()) {
            case 0x0 -> "continuation";
            case 0x1 -> "text";
            case 0x2 -> "binary";
            case 0x8 -> "close";
            case 0x9 -> "ping";
            case 0xA -> "pong";
            default -> isControl() ? "reserved-control" : "reserved-data";
        };
    }

    /** {@return whether this is a control frame: opcode 0x8 to 0xF (§5.5)} */
    public boolean isControl() {
        return (opcode() & 0x8) != 0;
    }

    /** {@return whether the MASK bit is set (§5.3)} */
    public boolean masked() {
        return (header[1] & 0x80) != 0;
    }

    /** {@return the masking key, its first octet in the most significant byte; 0 when not masked} */
    public int maskingKey() {
        if (!masked()) {
            return 0;
        }
        int at = header.length - 4;
        return (header[at] & 0xFF) << 24 | (header[at + 1] & 0xFF) << 16 | (header[at + 2] & 0xFF) << 8
                | header[at + 3] & 0xFF;
    }

    /** {@return how the length is encoded: 7 (in the second byte), 16 or 64 (an extended length)} */
    public int lengthBits() {
        int length7 = header[1] & 0x7F;
        return length7 == 126 ? 16 : length7 == 127 ? 64 : 7;
    }

    /** {@return the payload length as an unsigned decimal, as the header declares it} */
    public String payloadLengthText() {
        return Long.toUnsignedString(payloadLength);
    }

    /** {@return the header bytes in lower-case hexadecimal, space-separated} */
    public String headerHex() {
        return HexFormat.ofDelimiter(" ").formatHex(header);
    }

    /** {@return whether the preview holds the whole payload} */
    public boolean previewComplete() {
        return payloadLength >= 0 && preview.length == payloadLength;
    }

    /** {@return a close frame's status code, 1005 for a close with no code, -1 for any other frame} */
    public int closeCode() {
        if (opcode() != 0x8) {
            return -1;
        }
        return preview.length < 2 ? 1005 : (preview[0] & 0xFF) << 8 | preview[1] & 0xFF;
    }

    /** {@return a close frame's reason, decoded leniently; empty for none and for other frames} */
    public String closeReason() {
        if (opcode() != 0x8 || preview.length <= 2) {
            return "";
        }
        return new String(preview, 2, preview.length - 2, StandardCharsets.UTF_8);
    }

    /** {@return what a close frame's code means (§7.4), empty for other frames} */
    public String closeMeaning() {
        return opcode() == 0x8 ? meaningOf(closeCode()) : "";
    }

    /**
     * {@return what a status code means (RFC 6455 §7.4 and the IANA registry), and whether a close
     * frame may carry it}
     *
     * @param code the status code
     */
    public static String meaningOf(int code) {
        return switch (code) {
            case 1000 -> "normal closure";
            case 1001 -> "going away";
            case 1002 -> "protocol error";
            case 1003 -> "unsupported data";
            case 1005 -> "no status code (the close frame carried none)";
            case 1006 -> "abnormal closure (never in a close frame)";
            case 1007 -> "invalid frame payload data";
            case 1008 -> "policy violation";
            case 1009 -> "message too big";
            case 1010 -> "mandatory extension missing";
            case 1011 -> "internal error";
            case 1012 -> "service restart";
            case 1013 -> "try again later";
            case 1014 -> "bad gateway";
            case 1015 -> "TLS handshake failure (never in a close frame)";
            default -> code >= 3000 && code <= 3999 ? "registered for libraries and frameworks"
                    : code >= 4000 && code <= 4999 ? "private use"
                    : "not allowed in a close frame";
        };
    }
}
