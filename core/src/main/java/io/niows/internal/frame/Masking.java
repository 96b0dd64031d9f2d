package io.niows.internal.frame;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;

/**
 * The XOR masking of RFC 6455 §5.3, eight bytes at a time.
 *
 * <p>"Octet i of the transformed data is the XOR of octet i of the original data with octet at
 * index i modulo 4 of the masking key." Masking and unmasking are the same operation. A payload
 * delivered in chunks keeps its place in the key through the <em>phase</em>: the number of
 * payload bytes already transformed, modulo 4.
 *
 * <p>Works for any offset, length, byte order, heap or direct buffer; reads and writes by
 * absolute index, so no buffer's position or limit moves. Thread-safe: it keeps nothing between
 * calls but a per-thread scratch block for long payloads.
 */
public final class Masking {

    private static final int PHASES = 4;
    private static final int BULK_WORDS = 512;
    private static final int MIN_BULK_WORDS = 512;
    private static final ByteOrder NATIVE = ByteOrder.nativeOrder();
    /** Eight bytes at a time in the machine's own order: no byte swap per word. */
    private static final VarHandle ARRAY_LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, NATIVE);
    private static final VarHandle BUFFER_LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, NATIVE);
    /** The bulk path's block, one per thread: allocating (and zeroing) it per call cost a third of the 4 KiB unmask. */
    private static final ThreadLocal<long[]> SCRATCH = ThreadLocal.withInitial(() -> new long[BULK_WORDS]);

    private Masking() {}

    /**
     * XORs {@code length} bytes of {@code src} from {@code srcIndex} into {@code dst} at {@code
     * dstIndex}. {@code src} and {@code dst} may be the same buffer at the same index (unmasking
     * in place); partially overlapping ranges are not supported.
     *
     * @param key the masking key, its first octet in the most significant byte
     * @param phase how many payload bytes came before {@code srcIndex}, modulo 4 (any non-negative
     *     count works)
     */
    public static void mask(
            ByteBuffer src, int srcIndex, ByteBuffer dst, int dstIndex, int length, int key, int phase) {
        int k = Integer.rotateLeft(key, Byte.SIZE * (phase % PHASES));
        long wideKey = ((long) k << Integer.SIZE) | (k & 0xFFFF_FFFFL);
        // The key's first octet goes with the lowest address: in a little-endian word that is the
        // least significant byte.
        long wordKey = NATIVE == ByteOrder.BIG_ENDIAN ? wideKey : Long.reverseBytes(wideKey);
        int words = length / Long.BYTES;
        int bulk = words >= MIN_BULK_WORDS ? maskBulk(src, srcIndex, dst, dstIndex, words, wordKey) : 0;
        int at = bulk * Long.BYTES;
        if (src.hasArray() && dst.hasArray() && !dst.isReadOnly()) {
            maskArrays(src.array(), src.arrayOffset() + srcIndex + at, dst.array(), dst.arrayOffset() + dstIndex + at,
                    words - bulk, wordKey);
        } else if (dst.hasArray()) {
            maskIntoArray(src, srcIndex + at, dst.array(), dst.arrayOffset() + dstIndex + at, words - bulk, wordKey);
        } else {
            maskBuffers(src, srcIndex + at, dst, dstIndex + at, words - bulk, wordKey);
        }
        for (int i = words * Long.BYTES; i < length; i++) {
            dst.put(dstIndex + i, (byte) (src.get(srcIndex + i) ^ (k >>> 24)));
            k = Integer.rotateLeft(k, Byte.SIZE);
        }
    }

    private static void maskArrays(byte[] src, int from, byte[] dst, int to, int words, long wordKey) {
        for (int w = 0, offset = 0; w < words; w++, offset += Long.BYTES) {
            long v = (long) ARRAY_LONGS.get(src, from + offset);
            ARRAY_LONGS.set(dst, to + offset, v ^ wordKey);
        }
    }

    /** From a direct buffer (a socket's read) into an array (a message): no buffer view on the writing side. */
    private static void maskIntoArray(ByteBuffer src, int from, byte[] dst, int to, int words, long wordKey) {
        for (int w = 0, offset = 0; w < words; w++, offset += Long.BYTES) {
            long v = (long) BUFFER_LONGS.get(src, from + offset);
            ARRAY_LONGS.set(dst, to + offset, v ^ wordKey);
        }
    }

    /**
     * Payloads from 4 KiB on: words copied in bulk into a {@code long[]} block, XORed there by a
     * plain loop the JIT turns into vector instructions, and copied back in bulk; 2.5x the
     * word-at-a-time loop at 64 KiB (MaskingBenchmark). Below 4 KiB the buffer views cost more
     * than they save inside the decoder (FrameCodecBenchmark.decode at 1 KiB: 10.9 ops/us
     * without, 7.9 with). The block is a per-thread cache, not state: every call overwrites
     * what it uses.
     *
     * @return the words done; the caller does the rest (fewer than one block)
     */
    private static int maskBulk(ByteBuffer src, int from, ByteBuffer dst, int to, int words, long wordKey) {
        int block = Math.min(BULK_WORDS, words);
        long[] scratch = SCRATCH.get();
        LongBuffer in = src.duplicate().position(from).slice().order(NATIVE).asLongBuffer();
        LongBuffer out = dst.duplicate().position(to).slice().order(NATIVE).asLongBuffer();
        int done = 0;
        while (words - done >= block) {
            in.get(done, scratch, 0, block);
            for (int i = 0; i < block; i++) {
                scratch[i] ^= wordKey;
            }
            out.put(done, scratch, 0, block);
            done += block;
        }
        return done;
    }

    private static void maskBuffers(ByteBuffer src, int from, ByteBuffer dst, int to, int words, long wordKey) {
        for (int w = 0, offset = 0; w < words; w++, offset += Long.BYTES) {
            long v = (long) BUFFER_LONGS.get(src, from + offset);
            BUFFER_LONGS.set(dst, to + offset, v ^ wordKey);
        }
    }

    /**
     * Unmasks (or masks) the bytes of {@code buffer} between its position and limit in place.
     *
     * @param key the masking key, its first octet in the most significant byte
     * @param phase how many payload bytes came before this buffer's position
     */
    public static void maskInPlace(ByteBuffer buffer, int key, int phase) {
        int position = buffer.position();
        mask(buffer, position, buffer, position, buffer.remaining(), key, phase);
    }
}
