package io.niows.internal.reactor;

import io.niows.SendCallback;
import io.niows.WebSocket;
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

    private final ArrayDeque<ByteBuffer> frames = new ArrayDeque<>(4);
    private ArrayDeque<Object> callbacks;
    private long enqueued;
    private long written;

    void add(ByteBuffer frame, SendCallback callback) {
        frames.add(frame);
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
        return frames.isEmpty();
    }

    /** Bytes queued and not yet written. */
    long size() {
        return enqueued - written;
    }

    /**
     * Writes as much as the channel takes. Several small frames are first copied into the
     * loop's direct staging buffer and written with one plain write: the JDK would otherwise
     * copy each heap buffer into a temporary direct buffer of its own and gather them. A lone
     * frame, or one at least as large as the staging buffer, is written as it is.
     *
     * @param staging the loop's direct buffer, free for this call's use
     * @return the bytes written by this call
     */
    long writeTo(WritableByteChannel channel, ByteBuffer staging, WebSocket ws) throws IOException {
        long total = 0;
        boolean tookAll = true;
        while (!frames.isEmpty() && tookAll) {
            ByteBuffer first = frames.peek();
            long w;
            if (frames.size() == 1 || first.remaining() >= staging.capacity()) {
                w = channel.write(first);
                tookAll = !first.hasRemaining();
                if (tookAll) {
                    frames.poll();
                }
            } else {
                int staged = stage(staging);
                w = channel.write(staging);
                consume(w);
                tookAll = w == staged;
            }
            total += w;
            written += w;
            completeCallbacks(ws);
        }
        return total;
    }

    /** Copies whole frames from the head of the queue into {@code staging}, ready to write. */
    private int stage(ByteBuffer staging) {
        staging.clear();
        for (ByteBuffer b : frames) {
            int n = b.remaining();
            if (n > staging.remaining()) {
                break;
            }
            staging.put(staging.position(), b, b.position(), n);
            staging.position(staging.position() + n);
        }
        staging.flip();
        return staging.limit();
    }

    /** Drops {@code n} written bytes from the head of the queue. */
    private void consume(long n) {
        long left = n;
        while (left > 0) {
            ByteBuffer b = frames.peek();
            int r = b.remaining();
            if (r <= left) {
                frames.poll();
                left -= r;
            } else {
                b.position(b.position() + (int) left);
                left = 0;
            }
        }
    }

    private void completeCallbacks(WebSocket ws) {
        while (callbacks != null && !callbacks.isEmpty() && (Long) callbacks.peek() <= written) {
            callbacks.poll();
            SendCallback cb = (SendCallback) callbacks.poll();
            Callbacks.run(cb, ws, null);
        }
    }

    /** Drops every queued frame and tells their callbacks why. */
    void discard(WebSocket ws, Throwable why) {
        frames.clear();
        written = enqueued;
        while (callbacks != null && !callbacks.isEmpty()) {
            callbacks.poll();
            Callbacks.run((SendCallback) callbacks.poll(), ws, why);
        }
    }
}
