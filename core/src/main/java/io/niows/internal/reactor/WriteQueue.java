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
            addCallback(callback);
        }
    }

    /** Tells {@code callback} when everything queued so far is written, after the callbacks added before it. */
    void addCallback(Object callback) {
        if (callbacks == null) {
            callbacks = new ArrayDeque<>(4);
        }
        callbacks.add(enqueued);
        callbacks.add(callback);
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
     * Writes as much as the channel takes. To a socket, heap bytes go through the loop's direct
     * staging buffer: as many queued frames as fit are copied into it, the last one in part if
     * need be, and written with one plain write. Written straight from a heap buffer, the JDK
     * would copy each write's whole remainder into a temporary direct buffer of its own, again
     * after every partial write: a 1 MiB frame the socket takes in 64 KiB steps would be copied
     * about eight times over. Staged, each byte is copied once, plus at most one staging buffer's
     * worth again when the socket takes less than was staged. A direct frame at least as large as
     * the staging buffer is written as it is, and so is a large heap frame when the channel reads
     * heap bytes without copying them (the TLS stage, which encrypts from them).
     *
     * @param staging the loop's direct buffer, free for this call's use
     * @param socket whether {@code channel} is a socket, which copies heap buffers to write them
     * @return the bytes written by this call
     */
    long writeTo(WritableByteChannel channel, ByteBuffer staging, boolean socket, Completion done)
            throws IOException {
        long total = 0;
        boolean tookAll = true;
        while (first != null && tookAll) {
            long w;
            if (first.remaining() >= staging.capacity() && (first.isDirect() || !socket)) {
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

    /** Copies queued bytes from the head of the queue into {@code staging} until it is full, ready to write. */
    private int stage(ByteBuffer staging) {
        staging.clear();
        stageOne(staging, first);
        if (rest != null) {
            for (ByteBuffer b : rest) {
                if (!staging.hasRemaining()) {
                    break;
                }
                stageOne(staging, b);
            }
        }
        staging.flip();
        return staging.limit();
    }

    private static void stageOne(ByteBuffer staging, ByteBuffer b) {
        int n = Math.min(b.remaining(), staging.remaining());
        staging.put(staging.position(), b, b.position(), n);
        staging.position(staging.position() + n);
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
