package io.niows.internal.frame;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * The default source of masking keys: unpredictable, fast, thread-safe.
 *
 * <p>RFC 6455 §5.3: "The masking key MUST be derived from a strong source of entropy, and the
 * masking key for a given frame MUST NOT make it simple for a server or proxy to predict the
 * masking key for a subsequent frame." Each key is SipHash-2-4, a keyed pseudo-random function,
 * of a counter, under a 128-bit secret drawn once from {@link SecureRandom}: knowing any number
 * of past keys reveals nothing of the next without the secret, and a key costs a few nanoseconds
 * and one atomic increment instead of a call into {@code SecureRandom} per frame.
 *
 * <p>Thread-safe and lock-free: frames may be encoded on any thread.
 */
public final class SecureMaskingKeys implements IntSupplier {

    private static final SecureMaskingKeys SHARED = new SecureMaskingKeys(new SecureRandom());

    private final long k0;
    private final long k1;
    private final AtomicLong counter;

    /** Draws the secret and the counter's start from {@code random}. */
    public SecureMaskingKeys(SecureRandom random) {
        this(random.nextLong(), random.nextLong(), random.nextLong());
    }

    SecureMaskingKeys(long k0, long k1, long start) {
        this.k0 = k0;
        this.k1 = k1;
        this.counter = new AtomicLong(start);
    }

    /** The process-wide default source. */
    public static SecureMaskingKeys shared() {
        return SHARED;
    }

    @Override
    public int getAsInt() {
        return (int) sipHash24(k0, k1, counter.getAndIncrement());
    }

    /** SipHash-2-4 (Aumasson and Bernstein, 2012) of one 8-byte little-endian message word. */
    static long sipHash24(long k0, long k1, long message) {
        long[] v = {
            k0 ^ 0x736f6d6570736575L, k1 ^ 0x646f72616e646f6dL,
            k0 ^ 0x6c7967656e657261L, k1 ^ 0x7465646279746573L
        };
        v[3] ^= message;
        sipRounds(v, 2);
        v[0] ^= message;
        long lengthBlock = (long) Long.BYTES << 56;
        v[3] ^= lengthBlock;
        sipRounds(v, 2);
        v[0] ^= lengthBlock;
        v[2] ^= 0xff;
        sipRounds(v, 4);
        return v[0] ^ v[1] ^ v[2] ^ v[3];
    }

    private static void sipRounds(long[] v, int rounds) {
        for (int r = 0; r < rounds; r++) {
            v[0] += v[1];
            v[1] = Long.rotateLeft(v[1], 13) ^ v[0];
            v[0] = Long.rotateLeft(v[0], 32);
            v[2] += v[3];
            v[3] = Long.rotateLeft(v[3], 16) ^ v[2];
            v[0] += v[3];
            v[3] = Long.rotateLeft(v[3], 21) ^ v[0];
            v[2] += v[1];
            v[1] = Long.rotateLeft(v[1], 17) ^ v[2];
            v[2] = Long.rotateLeft(v[2], 32);
        }
    }
}
