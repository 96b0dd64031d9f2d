package io.niows.internal.reactor;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.IntFunction;

/**
 * The arrays of large incoming messages, used again once a handler handed them back over
 * ({@link io.niows.WebSocket#handOverBinary}) and their frame was written: an echo or a relay of
 * large messages then allocates, and the JVM zeroes, no new array per message.
 *
 * <p>Only arrays lent by this pool come back into it, and only whole (a buffer that views part of
 * an array, or an array the application made, is left alone); only for a size asked for at
 * least twice among the last {@value #RECENT} large buffers asked for (messages of one size
 * repeat in an echo, a relay or a benchmark; an array of a size seen once would only sit here);
 * at most {@value #MAX_KEPT_BYTES} bytes are kept. Arrays under {@value #MIN_SIZE} bytes are not worth it: the JVM allocates those
 * from thread-local memory cheaply. An array a handler keeps, or sends with a copying send, is
 * forgotten by the collector as any other.
 *
 * <p>Thread-safe: one pool serves every loop of a server (or client), under its lock, taken once
 * per large message.
 */
final class RecycledArrays implements IntFunction<ByteBuffer> {

    static final int MIN_SIZE = 64 * 1024;
    static final long MAX_KEPT_BYTES = 16L * 1024 * 1024;
    static final int RECENT = 16;

    /** Arrays lent and not yet back; weak, so that an array a handler keeps is collected as usual. */
    private final Map<byte[], Boolean> lent = new WeakHashMap<>();
    private final List<byte[]> kept = new ArrayList<>();
    private long keptBytes;
    /** The sizes of the last {@link #RECENT} large buffers asked for, a ring. */
    private final int[] recent = new int[RECENT];
    private int nextRecent;

    /**
     * A buffer of {@code size} bytes, position 0 and limit {@code size}: a kept array of exactly
     * that length if there is one (so that {@code array().length} is the message's size, as with
     * a new array), else a new one.
     */
    @Override
    public ByteBuffer apply(int size) {
        if (size < MIN_SIZE) {
            return ByteBuffer.allocate(size);
        }
        byte[] array = null;
        synchronized (this) {
            recent[nextRecent] = size;
            nextRecent = (nextRecent + 1) % RECENT;
            for (int i = kept.size() - 1; i >= 0; i--) {
                byte[] a = kept.get(i);
                if (a.length == size) {
                    array = a;
                    kept.remove(i);
                    keptBytes -= a.length;
                    break;
                }
            }
            if (array == null) {
                array = new byte[size];
            }
            lent.put(array, Boolean.TRUE);
        }
        return ByteBuffer.wrap(array);
    }

    /**
     * Takes back a buffer that was handed over and written (or dropped): kept if it is a whole
     * array this pool lent, of a size asked for more than once lately, and there is room;
     * ignored otherwise.
     */
    void giveBack(ByteBuffer buffer) {
        if (!buffer.hasArray() || buffer.arrayOffset() != 0) {
            return;
        }
        byte[] array = buffer.array();
        synchronized (this) {
            if (lent.remove(array) == null || keptBytes + array.length > MAX_KEPT_BYTES
                    || !askedTwice(array.length)) {
                return;
            }
            kept.add(array);
            keptBytes += array.length;
        }
    }

    private boolean askedTwice(int size) {
        int seen = 0;
        for (int r : recent) {
            if (r == size && ++seen == 2) {
                return true;
            }
        }
        return false;
    }

    /** Bytes kept for reuse. */
    synchronized long keptBytes() {
        return keptBytes;
    }
}
