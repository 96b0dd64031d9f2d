package io.niows.internal.frame;

import static io.niows.internal.frame.WireFormat.B0_FLAG_FIN;
import static io.niows.internal.frame.WireFormat.B0_MASK_OPCODE;
import static io.niows.internal.frame.WireFormat.B0_MASK_RSV;
import static io.niows.internal.frame.WireFormat.B1_FLAG_MASK;
import static io.niows.internal.frame.WireFormat.MAX_CLOSE_REASON;
import static io.niows.internal.frame.WireFormat.OPCODE_CLOSE;
import static io.niows.internal.frame.WireFormat.OPCODE_CONTINUATION;
import static io.niows.internal.frame.WireFormat.OPCODE_TEXT;
import static io.niows.internal.frame.WireFormat.PAYLOAD_16_MAX;
import static io.niows.internal.frame.WireFormat.PAYLOAD_LENGTH_16;
import static io.niows.internal.frame.WireFormat.PAYLOAD_LENGTH_64;
import static io.niows.internal.frame.WireFormat.PAYLOAD_SHORT_MAX;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * Writes frames (RFC 6455 §5.2): a server's unmasked, a client's masked with a fresh key from an
 * injectable source (RFC 6455 §5.3: "The masking key is a 32-bit value chosen at random by the
 * client"; §5.1: "a server MUST NOT mask any frames that it sends to the client").
 *
 * <p>It writes what it is told, opcode included: judging what may be sent is the engine's job,
 * and the conformance suite needs to send broken frames on purpose. Payload buffers are read
 * between position and limit without moving either.
 *
 * <p>Thread-safe when its key source is (the default one is): the encoder itself holds no
 * mutable state, so frames may be encoded on any thread.
 */
public final class FrameEncoder {

    private final boolean masked;
    private final IntSupplier maskingKeys;

    /**
     * @param masked whether to mask every frame: {@code true} for a client, {@code false} for a
     *     server (RFC 6455 §5.1)
     * @param maskingKeys where the masking keys come from; unused when not {@code masked}
     */
    public FrameEncoder(boolean masked, IntSupplier maskingKeys) {
        this.masked = masked;
        this.maskingKeys = Objects.requireNonNull(maskingKeys, "maskingKeys");
    }

    /** The length of the whole frame carrying {@code payloadLength} bytes. */
    public long frameLength(long payloadLength) {
        return WireFormat.headerLength(payloadLength, masked) + payloadLength;
    }

    /**
     * Writes one frame into {@code dst} if all of it fits, advancing {@code dst}'s position.
     * {@code opcode} may carry reserved bits, such as {@link WireFormat#B0_FLAG_RSV1} for a
     * compressed message (RFC 7692 §6).
     *
     * @return {@code true} if the frame was written; {@code false} if {@code dst} has too little
     *     room, in which case nothing was written
     */
    public boolean encode(int opcode, boolean fin, ByteBuffer payload, ByteBuffer dst) {
        int length = payload.remaining();
        checkOpcode(opcode);
        if (dst.remaining() < frameLength(length)) {
            return false;
        }
        writeHeader(dst, fin ? B0_FLAG_FIN | opcode : opcode, length);
        int at = dst.position();
        if (masked) {
            int key = maskingKeys.getAsInt();
            for (int i = 0; i < Integer.BYTES; i++) {
                dst.put(at++, (byte) (key >>> (Integer.SIZE - Byte.SIZE * (i + 1))));
            }
            Masking.mask(payload, payload.position(), dst, at, length, key, 0);
        } else if (payload.hasArray() && dst.hasArray()) {
            // ByteBuffer.put(int, ByteBuffer, int, int) takes a generic path, slow for short frames
            System.arraycopy(payload.array(), payload.arrayOffset() + payload.position(), dst.array(),
                    dst.arrayOffset() + at, length);
        } else {
            dst.put(at, payload, payload.position(), length);
        }
        dst.position(at + length);
        return true;
    }

    /** One frame in a new buffer of exactly its size, ready to read. */
    public ByteBuffer encode(int opcode, boolean fin, ByteBuffer payload) {
        ByteBuffer frame = ByteBuffer.allocate(Math.toIntExact(frameLength(payload.remaining())));
        encode(opcode, fin, payload, frame);
        return frame.flip();
    }

    /**
     * The header of a frame whose payload follows it on the wire as it lies in {@code payload},
     * in a new buffer ready to read: for a sender that hands its payload buffer over instead of
     * having it copied into the frame. A masking encoder masks the payload in place, between its
     * position and limit, with the key the header carries; neither moves.
     *
     * @throws java.nio.ReadOnlyBufferException if this encoder masks and {@code payload} is read-only
     */
    public ByteBuffer header(int opcode, boolean fin, ByteBuffer payload) {
        checkOpcode(opcode);
        int length = payload.remaining();
        ByteBuffer header = ByteBuffer.allocate(WireFormat.headerLength(length, masked));
        writeHeader(header, fin ? B0_FLAG_FIN | opcode : opcode, length);
        if (masked) {
            int key = maskingKeys.getAsInt();
            header.putInt(key);
            Masking.mask(payload, payload.position(), payload, payload.position(), length, key, 0);
        }
        return header.flip();
    }

    /**
     * A whole message cut into frames of at most {@code maxFramePayload} bytes each (RFC 6455
     * §5.4): the first with {@code opcode}, the others continuations, the last with FIN; all in
     * one buffer, ready to read.
     */
    public ByteBuffer encodeFragmented(int opcode, ByteBuffer payload, int maxFramePayload) {
        if (maxFramePayload < 1) {
            throw new IllegalArgumentException("maxFramePayload must be positive: " + maxFramePayload);
        }
        int length = payload.remaining();
        int frames = Math.max(1, (length + maxFramePayload - 1) / maxFramePayload);
        long total = 0;
        for (int i = 0; i < frames; i++) {
            total += frameLength(Math.min(maxFramePayload, length - (long) i * maxFramePayload));
        }
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(total));
        int from = payload.position();
        for (int i = 0; i < frames; i++) {
            int size = Math.min(maxFramePayload, length - i * maxFramePayload);
            ByteBuffer part = payload.slice(from + i * maxFramePayload, size);
            encode(i == 0 ? opcode : OPCODE_CONTINUATION, i == frames - 1, part, out);
        }
        return out.flip();
    }

    /**
     * A final text frame. The text is encoded as UTF-8; an unpaired surrogate becomes {@code '?'},
     * so what goes on the wire is always valid UTF-8.
     */
    public ByteBuffer text(CharSequence text) {
        byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
        return encode(OPCODE_TEXT, true, ByteBuffer.wrap(utf8));
    }

    /**
     * A close frame (RFC 6455 §5.5.1): the 2-byte code then the UTF-8 reason; an empty body when
     * {@code code} is {@code -1}. Validity of the code is the caller's business.
     *
     * @throws IllegalArgumentException if the reason is longer than 123 UTF-8 bytes
     */
    public ByteBuffer close(int code, String reason) {
        if (code < 0) {
            return encode(OPCODE_CLOSE, true, ByteBuffer.allocate(0));
        }
        byte[] reasonBytes = reason.getBytes(StandardCharsets.UTF_8);
        if (reasonBytes.length > MAX_CLOSE_REASON) {
            throw new IllegalArgumentException("close reason over 123 UTF-8 bytes: " + reasonBytes.length);
        }
        ByteBuffer body = ByteBuffer.allocate(Short.BYTES + reasonBytes.length);
        body.putShort((short) code).put(reasonBytes).flip();
        return encode(OPCODE_CLOSE, true, body);
    }

    private static void checkOpcode(int opcode) {
        if ((opcode & ~(B0_MASK_RSV | B0_MASK_OPCODE)) != 0) {
            throw new IllegalArgumentException("opcode out of range: " + opcode);
        }
    }

    private void writeHeader(ByteBuffer dst, int byte0, int length) {
        int maskBit = masked ? B1_FLAG_MASK : 0;
        dst.put((byte) byte0);
        if (length <= PAYLOAD_SHORT_MAX) {
            dst.put((byte) (maskBit | length));
        } else if (length <= PAYLOAD_16_MAX) {
            dst.put((byte) (maskBit | PAYLOAD_LENGTH_16));
            dst.put((byte) (length >>> Byte.SIZE)).put((byte) length);
        } else {
            dst.put((byte) (maskBit | PAYLOAD_LENGTH_64));
            for (int shift = Long.SIZE - Byte.SIZE; shift >= 0; shift -= Byte.SIZE) {
                dst.put((byte) ((long) length >>> shift));
            }
        }
    }
}
