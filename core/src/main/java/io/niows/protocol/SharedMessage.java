package io.niows.protocol;

import static io.niows.internal.frame.WireFormat.B0_FLAG_RSV1;
import static io.niows.internal.frame.WireFormat.OPCODE_BINARY;
import static io.niows.internal.frame.WireFormat.OPCODE_TEXT;

import io.niows.internal.frame.MessageDeflater;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One message a server sends to many connections, such as a broadcast: its frame is encoded
 * once, and compressed at most once for each permessage-deflate window among its receivers (each
 * message compressed on its own, RFC 7692 §7.1.1.1, so the same bytes fit every receiver with that
 * window). Receivers that did not agree on compression, and messages below a receiver's minimum
 * size, get the plain frame. Send it with {@link Outbound#shared}.
 *
 * <p>Thread-safe: the frames are made when first needed, at most once each, and handed out as
 * read-only views that each receiver consumes on its own.
 */
public final class SharedMessage {

    private final int opcode;
    private final boolean direct;
    private final ByteBuffer plain;
    /** The payload: a view of the plain frame's bytes, which a server does not mask. */
    private final ByteBuffer payload;
    /** The compressed frame made last, read without a lock: broadcasts usually need only one. */
    private volatile Compressed last;
    /** Every compressed frame made, by compressor; guarded by this. */
    private Map<MessageDeflater, Compressed> compressed;

    private record Compressed(MessageDeflater with, ByteBuffer frame) {}

    private SharedMessage(int opcode, ByteBuffer payload, boolean direct) {
        this.opcode = opcode;
        this.direct = direct;
        this.plain = frame(FrameEncoding.frame(opcode, true, payload, Role.SERVER));
        int length = payload.remaining();
        this.payload = plain.slice(plain.remaining() - length, length);
    }

    /**
     * {@return a text message, in UTF-8 (an unpaired surrogate becomes '?')}
     *
     * @param text the text
     * @param direct whether its frames live in direct memory, which saves the JDK a copy per
     *     receiver on each socket write: worth it for more than a few receivers
     */
    public static SharedMessage text(CharSequence text, boolean direct) {
        return new SharedMessage(OPCODE_TEXT, ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)),
                direct);
    }

    /**
     * {@return a binary message: the bytes from position to limit, copied into its frame; the
     * buffer is untouched}
     *
     * @param data the bytes
     * @param direct as {@link #text}
     */
    public static SharedMessage binary(ByteBuffer data, boolean direct) {
        return new SharedMessage(OPCODE_BINARY, data, direct);
    }

    /** {@return the plain frame, the one every receiver without compression gets: a read-only view} */
    public ByteBuffer plainFrame() {
        return plain.duplicate();
    }

    /**
     * {@return the frame for the receiver whose front is {@code outbound}: a read-only view only
     * it consumes}
     *
     * @param outbound the receiver's front
     * @throws IllegalArgumentException for a client's front, whose frames are masked each on its own
     */
    public ByteBuffer frameFor(Outbound outbound) {
        if (outbound.masksFrames()) {
            throw new IllegalArgumentException("a shared frame is a server's: client frames are masked one by one");
        }
        MessageDeflater with = outbound.sharedDeflater();
        if (with == null || payload.remaining() < outbound.minCompressedSize()) {
            return plain.duplicate();
        }
        Compressed made = last;
        if (made == null || made.with() != with) {
            made = compressedFor(outbound, with);
        }
        return made.frame().duplicate();
    }

    /** How many compressed frames were made: one per window among the receivers so far. */
    synchronized int compressedFramesMade() {
        return compressed == null ? 0 : compressed.size();
    }

    private synchronized Compressed compressedFor(Outbound outbound, MessageDeflater with) {
        if (compressed == null) {
            compressed = new IdentityHashMap<>();
        }
        Compressed made = compressed.get(with);
        if (made == null) {
            ByteBuffer frame = outbound.compressed(with, opcode, payload);
            made = new Compressed(with, (frame.get(0) & B0_FLAG_RSV1) != 0 ? frame(frame) : plain);
            compressed.put(with, made);
        }
        last = made;
        return made;
    }

    private ByteBuffer frame(ByteBuffer heap) {
        if (!direct) {
            return heap.asReadOnlyBuffer();
        }
        ByteBuffer copy = ByteBuffer.allocateDirect(heap.remaining());
        copy.put(heap).flip();
        return copy.asReadOnlyBuffer();
    }
}
