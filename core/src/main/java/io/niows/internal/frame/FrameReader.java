package io.niows.internal.frame;

import static io.niows.internal.frame.WireFormat.B1_FLAG_MASK;
import static io.niows.internal.frame.WireFormat.B1_MASK_LENGTH;
import static io.niows.internal.frame.WireFormat.MASKING_KEY_LENGTH;
import static io.niows.internal.frame.WireFormat.MIN_HEADER_LENGTH;
import static io.niows.internal.frame.WireFormat.PAYLOAD_64_SIGN_BIT;
import static io.niows.internal.frame.WireFormat.PAYLOAD_LENGTH_16;
import static io.niows.internal.frame.WireFormat.PAYLOAD_LENGTH_64;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * A resumable push reader of frames (RFC 6455 §5.2): bytes in, headers and payload chunks out.
 *
 * <p>It checks structure only, no protocol rule: every opcode, RSV bit and MASK value is handed on
 * for {@link FrameDecoder} to judge. The one thing it rejects is a 64-bit length with its most
 * significant bit set ("the most significant bit MUST be 0"), since such a length cannot even be
 * represented.
 *
 * <p>A header is consumed only once all of it is in the buffer: a short header leaves the buffer
 * untouched and {@link #read} returns {@code false} ("need more"); the caller keeps those bytes
 * (at most 13) and calls again with more appended. Payload is handed on as it arrives, in chunks,
 * for any split of the input; the masking phase carries over from chunk to chunk.
 *
 * <p><b>Unmasking is the consumer's choice</b>: a payload chunk is handed on still masked, as a
 * {@link PayloadChunk} whose bytes the consumer takes once, either unmasked while copied to where
 * they go (one pass over each byte; the input is not modified) or unmasked in place and viewed
 * (the input's bytes change, unless it is read-only). The reader is itself the chunk it hands on:
 * no object per chunk, and none per connection besides the reader.
 *
 * <p>Not thread-safe: one reader per connection, driven by one thread at a time.
 */
public final class FrameReader implements PayloadChunk {

    /** Receives what the reader finds, in wire order. */
    public interface FrameConsumer {

        /** A complete header; its payload follows through {@link #onPayload}. */
        void onHeader(FrameHeader header);

        /**
         * The next chunk of the current frame's payload, never empty, still masked: take its bytes
         * once, through {@link PayloadChunk#copyTo} or {@link PayloadChunk#unmasked}. Valid only
         * during the call: it stands for bytes of the caller's input buffer.
         */
        void onPayload(PayloadChunk chunk);

        /** The current frame's payload is complete (called at once for an empty payload). */
        void onFrameEnd();
    }

    private enum State {
        /** Waiting for the whole of the next header. */
        AWAITING_HEADER,
        /** Waiting for the rest of the current frame's payload. */
        AWAITING_PAYLOAD
    }

    private State state = State.AWAITING_HEADER;
    private long payloadRemaining;
    private boolean masked;
    private int maskingKey;
    private int maskPhase;
    /** The input holding the chunk being handed on, or null outside {@link FrameConsumer#onPayload}. */
    private ByteBuffer chunkInput;
    private int chunkIndex;
    private int chunkLength;

    /** {@return whether no frame is half read: the next byte starts a header} */
    boolean betweenFrames() {
        return state == State.AWAITING_HEADER;
    }

    /**
     * Reads at most one header or one payload chunk from {@code in}, advancing its position past
     * what was consumed, and reports it to {@code consumer}.
     *
     * @return {@code true} if something was consumed (call again), {@code false} if more input is
     *     needed
     * @throws ProtocolViolation (1002) for a 64-bit length with the top bit set; also whatever the
     *     consumer throws
     */
    public boolean read(ByteBuffer in, FrameConsumer consumer) {
        if (state == State.AWAITING_HEADER) {
            return readHeader(in, consumer);
        }
        return readPayload(in, consumer);
    }

    private boolean readHeader(ByteBuffer in, FrameConsumer consumer) {
        int p = in.position();
        int available = in.remaining();
        if (available < MIN_HEADER_LENGTH) {
            return false;
        }
        int byte0 = in.get(p) & 0xFF;
        int byte1 = in.get(p + 1) & 0xFF;
        boolean mask = (byte1 & B1_FLAG_MASK) != 0;
        int length7 = byte1 & B1_MASK_LENGTH;
        int extended = length7 == PAYLOAD_LENGTH_64 ? Long.BYTES
                : length7 == PAYLOAD_LENGTH_16 ? Short.BYTES : 0;
        if (extended == Long.BYTES && available > MIN_HEADER_LENGTH
                && (in.get(p + MIN_HEADER_LENGTH) & 0x80) != 0) {
            // RFC 6455 §5.2: "the most significant bit MUST be 0".
            throw ProtocolViolation.protocolError("64-bit payload length has its top bit set");
        }
        int headerLength = MIN_HEADER_LENGTH + extended + (mask ? MASKING_KEY_LENGTH : 0);
        if (available < headerLength) {
            return false;
        }
        long length = extended == 0 ? length7 : readBigEndian(in, p + MIN_HEADER_LENGTH, extended);
        assert (length & PAYLOAD_64_SIGN_BIT) == 0;
        int key = mask ? (int) readBigEndian(in, p + MIN_HEADER_LENGTH + extended, MASKING_KEY_LENGTH) : 0;
        in.position(p + headerLength);
        masked = mask;
        maskingKey = key;
        maskPhase = 0;
        payloadRemaining = length;
        state = State.AWAITING_PAYLOAD;
        consumer.onHeader(new FrameHeader(byte0, mask, length, key));
        if (length == 0) {
            state = State.AWAITING_HEADER;
            consumer.onFrameEnd();
        }
        return true;
    }

    private boolean readPayload(ByteBuffer in, FrameConsumer consumer) {
        int n = (int) Math.min(in.remaining(), payloadRemaining);
        if (n == 0) {
            return false;
        }
        int p = in.position();
        in.position(p + n);
        payloadRemaining -= n;
        boolean end = payloadRemaining == 0;
        if (end) {
            state = State.AWAITING_HEADER;
        }
        chunkInput = in;
        chunkIndex = p;
        chunkLength = n;
        try {
            consumer.onPayload(this);
        } finally {
            chunkInput = null;
            maskPhase = (maskPhase + n) & (MASKING_KEY_LENGTH - 1);
        }
        if (end) {
            consumer.onFrameEnd();
        }
        return true;
    }

    @Override
    public int length() {
        return chunkLength;
    }

    @Override
    public void copyTo(ByteBuffer dst) {
        ByteBuffer in = take();
        int at = dst.position();
        if (dst.remaining() < chunkLength) {
            throw new BufferOverflowException();
        }
        if (masked) {
            Masking.mask(in, chunkIndex, dst, at, chunkLength, maskingKey, maskPhase);
        } else {
            dst.put(at, in, chunkIndex, chunkLength);
        }
        dst.position(at + chunkLength);
    }

    @Override
    public ByteBuffer unmasked() {
        ByteBuffer in = take();
        if (!masked) {
            return in.slice(chunkIndex, chunkLength);
        }
        if (in.isReadOnly()) {
            ByteBuffer copy = ByteBuffer.allocate(chunkLength);
            Masking.mask(in, chunkIndex, copy, 0, chunkLength, maskingKey, maskPhase);
            return copy;
        }
        ByteBuffer chunk = in.slice(chunkIndex, chunkLength);
        Masking.mask(chunk, 0, chunk, 0, chunkLength, maskingKey, maskPhase);
        return chunk;
    }

    /** The input of the chunk being handed on, which can be taken once. */
    private ByteBuffer take() {
        ByteBuffer in = chunkInput;
        if (in == null) {
            throw new IllegalStateException("no payload chunk to take: outside onPayload, or taken already");
        }
        chunkInput = null;
        return in;
    }

    private static long readBigEndian(ByteBuffer in, int index, int bytes) {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value = (value << Byte.SIZE) | (in.get(index + i) & 0xFF);
        }
        return value;
    }
}
