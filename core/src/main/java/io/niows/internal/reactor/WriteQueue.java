package io.niows.internal.reactor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayDeque;

/**
 * The frames waiting to be written to one connection, written a batch at a time.
 *
 * <p>Not thread-safe: owned by the connection's loop thread. Callbacks are kept as marks in the
 * byte stream, so a frame without a callback costs one queue slot and nothing else.
 */
final class WriteQueue {

    /** Told when the frame a send context went with is written, or dropped. */
    interface Completion {

        /** @param failure null when written; why not, when dropped */
        void sent(Object context, Throwable failure);
    }

    /** The frame at the head of the queue, or null when it is empty. */
    private ByteBuffer first;
    /** The frames behind {@link #first}; created the first time two are queued. */
    private ArrayDeque<ByteBuffer> rest;
    private ArrayDeque<Object> callbacks;
    private long enqueued;
    private long written;

    void add(ByteBuffer frame, Object callback) {
        if (first == null) {
            first = frame;
        } else {
            if (rest == null) {
                rest = new ArrayDeque<>(4);
            }
            rest.add(frame);
        }
        enqueued += frame.remaining();
        if (callback != null) {
            if (callbacks == null) {
                callbacks = new ArrayDeque<>(4);
            }
            callbacks.add(enqueued);
            callbacks.add(callback);
        }
    }

    boolean isEmpty() {
        return first == null;
    }

    /** Bytes queued and not yet written. */
    long size() {
        return enqueued - written;
    }

    private void pollFirst() {
        first = rest == null ? null : rest.poll();
    }

    /**
     * Writes as much as the channel takes. Frames smaller than the loop's direct staging buffer
     * are copied into it, as many as fit, and written with one plain write: the JDK would
     * otherwise copy each heap buffer into a temporary direct buffer of its own (looked up in a
     * per-thread cache) and gather them. A frame at least as large as the staging buffer is
     * written as it is.
     *
     * @param staging the loop's direct buffer, free for this call's use
     * @return the bytes written by this call
     */
    long writeTo(WritableByteChannel channel, ByteBuffer staging, Completion done) throws IOException {
        long total = 0;
        boolean tookAll = true;
        while (first != null && tookAll) {
            long w;
            if (first.remaining() >= staging.capacity()) {
                w = channel.write(first);
                tookAll = !first.hasRemaining();
                if (tookAll) {
                    pollFirst();
                }
            } else {
                int staged = stage(staging);
                w = channel.write(staging);
                consume(w);
                tookAll = w == staged;
            }
            total += w;
            written += w;
            completeCallbacks(done);
        }
        return total;
    }

    /** Copies whole frames from the head of the queue into {@code staging}, ready to write. */
    private int stage(ByteBuffer staging) {
        staging.clear();
        stageOne(staging, first);
        if (rest != null) {
            for (ByteBuffer b : rest) {
                if (!stageOne(staging, b)) {
                    break;
                }
            }
        }
        staging.flip();
        return staging.limit();
    }

    private static boolean stageOne(ByteBuffer staging, ByteBuffer b) {
        int n = b.remaining();
        if (n > staging.remaining()) {
            return false;
        }
        staging.put(staging.position(), b, b.position(), n);
        staging.position(staging.position() + n);
        return true;
    }

    /** Drops {@code n} written bytes from the head of the queue. */
    private void consume(long n) {
        long left = n;
        while (left > 0) {
            int r = first.remaining();
            if (r <= left) {
                pollFirst();
                left -= r;
            } else {
                first.position(first.position() + (int) left);
                left = 0;
            }
        }
    }

    private void completeCallbacks(Completion done) {
        while (callbacks != null && !callbacks.isEmpty() && (Long) callbacks.peek() <= written) {
            callbacks.poll();
            done.sent(callbacks.poll(), null);
        }
    }

    /** Drops every queued frame and tells their callbacks why. */
    void discard(Completion done, Throwable why) {
        first = null;
        if (rest != null) {
            rest.clear();
        }
        written = enqueued;
        while (callbacks != null && !callbacks.isEmpty()) {
            callbacks.poll();
            done.sent(callbacks.poll(), why);
        }
    }
}
