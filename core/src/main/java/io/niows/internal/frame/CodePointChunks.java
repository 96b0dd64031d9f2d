package io.niows.internal.frame;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Turns the validated UTF-8 bytes of a streamed text message into text chunks that never split a
 * code point: the bytes of a sequence cut by a chunk boundary (at most three) are carried over
 * and decoded with the next chunk. The bytes must have passed a {@link Utf8Validator} already, so
 * decoding never substitutes anything.
 *
 * <p>Not thread-safe: one per decoder, driven by its thread.
 */
final class CodePointChunks {

    private static final int MAX_CARRY = 3;
    private static final int CONTINUATION_MASK = 0xC0;
    private static final int CONTINUATION = 0x80;

    private final byte[] carry = new byte[MAX_CARRY];
    private int carried;

    /** Forgets any carried bytes, for a new message. */
    void reset() {
        carried = 0;
    }

    /**
     * Decodes the carried bytes and {@code bytes} from {@code from} to {@code to}, up to the end of
     * the last whole code point; carries the rest over.
     *
     * @return the text of the whole code points, possibly empty
     */
    String decode(ByteBuffer bytes, int from, int to) {
        int n = carried + (to - from);
        byte[] all = new byte[n];
        System.arraycopy(carry, 0, all, 0, carried);
        bytes.get(from, all, carried, to - from);
        int whole = wholeLength(all, n);
        carried = n - whole;
        System.arraycopy(all, whole, carry, 0, carried);
        return new String(all, 0, whole, StandardCharsets.UTF_8);
    }

    /** {@return how many of the first {@code n} bytes end with a whole code point} */
    private static int wholeLength(byte[] b, int n) {
        int lead = n - 1;
        while (lead >= 0 && n - lead <= MAX_CARRY && (b[lead] & CONTINUATION_MASK) == CONTINUATION) {
            lead--;
        }
        if (lead < 0) {
            return n;
        }
        int length = sequenceLength(b[lead] & 0xFF);
        return lead + length <= n ? n : lead;
    }

    /** The length of the sequence a valid lead byte starts (RFC 3629 §3). */
    private static int sequenceLength(int lead) {
        if (lead < 0x80) {
            return 1;
        }
        if (lead < 0xE0) {
            return 2;
        }
        return lead < 0xF0 ? 3 : 4;
    }
}
