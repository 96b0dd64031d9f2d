package io.niows.bench.load;

import io.niows.bench.deflate.ChatJson;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A broadcast message's sequence number and send time written as text, for text messages: the
 * first 16 characters, from a 64-letter URL-safe alphabet, hold the sequence number (5 letters, 30
 * bits) then the {@code System.nanoTime()} stamp (11 letters, 64 bits); the rest of the message
 * is chat-like JSON ({@link ChatJson}). So the reader's capture of a message's first 16 bytes
 * yields both numbers, as it does for the binary messages that carry them as two longs.
 *
 * <p>Stateless and thread-safe.
 */
final class TextStamp {

    /** The stamp's length in bytes (one per letter). */
    static final int LENGTH = 16;
    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".getBytes(StandardCharsets.US_ASCII);
    private static final int BITS = 6;
    private static final int SEQ_LETTERS = 5;
    private static final int MIN_JSON = 12;
    private static final byte[] VALUES = new byte[128];

    static {
        Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = (byte) i;
        }
    }

    private TextStamp() {
    }

    /** A text message of {@code size} bytes (16 or more) that starts with the stamp. */
    static byte[] message(int size, long seq, long nanos) {
        byte[] message = new byte[size];
        int rest = size - LENGTH;
        if (rest >= MIN_JSON) {
            System.arraycopy(ChatJson.message(rest, seq), 0, message, LENGTH, rest);
        } else {
            Arrays.fill(message, LENGTH, size, (byte) ' ');
        }
        for (int i = 0; i < SEQ_LETTERS; i++) {
            message[i] = ALPHABET[(int) (seq >>> (BITS * (SEQ_LETTERS - 1 - i))) & 63];
        }
        for (int i = 0; i < LENGTH - SEQ_LETTERS; i++) {
            message[SEQ_LETTERS + i] = ALPHABET[(int) (nanos >>> (BITS * (LENGTH - SEQ_LETTERS - 1 - i))) & 63];
        }
        return message;
    }

    /** The sequence number in the first 16 bytes, given as two big-endian longs; -1 if they are no stamp. */
    static long seq(long word0, long word1) {
        return number(word0, word1, 0, SEQ_LETTERS);
    }

    /** The send time in the first 16 bytes, given as two big-endian longs. */
    static long nanos(long word0, long word1) {
        return number(word0, word1, SEQ_LETTERS, LENGTH);
    }

    private static long number(long word0, long word1, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            long word = i < Long.BYTES ? word0 : word1;
            int b = (int) (word >>> (Byte.SIZE * (Long.BYTES - 1 - i % Long.BYTES))) & 0xFF;
            int v = b < VALUES.length ? VALUES[b] : -1;
            if (v < 0) {
                return -1;
            }
            n = n << BITS | v;
        }
        return n;
    }
}
