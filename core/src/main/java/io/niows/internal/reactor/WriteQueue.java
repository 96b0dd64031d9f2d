package io.niows.internal.reactor;

import io.niows.SendCallback;
import io.niows.WebSocket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The frames waiting to be written to one connection, written with gathering writes.
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
     * Writes as much as the channel takes.
     *
     * @return the bytes written by this call
     */
    long writeTo(GatheringByteChannel channel, ByteBuffer[] gather, WebSocket ws) throws IOException {
        if (frames.size() == 1 && callbacks == null) {
            // The common case of an answer to one message: a plain write, no gathering.
            long w = channel.write(frames.peek());
            written += w;
            if (!frames.peek().hasRemaining()) {
                frames.poll();
            }
            return w;
        }
        long total = 0;
        while (!frames.isEmpty()) {
            int n = 0;
            for (ByteBuffer b : frames) {
                gather[n++] = b;
                if (n == gather.length) {
                    break;
                }
            }
            long w = channel.write(gather, 0, n);
            boolean tookAll = !gather[n - 1].hasRemaining();
            Arrays.fill(gather, 0, n, null);
            total += w;
            written += w;
            while (!frames.isEmpty() && !frames.peek().hasRemaining()) {
                frames.poll();
            }
            completeCallbacks(ws);
            if (!tookAll) {
                break;
            }
        }
        return total;
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
