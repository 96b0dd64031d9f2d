package io.niows.bench.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;

/**
 * The bytes a connection has yet to write, as a list of buffers written with one gathering write:
 * prebuilt frames are queued as duplicates, never copied.
 *
 * <p>Not thread-safe: owned by one connection, used by its loop thread.
 */
final class OutQueue {

    private ByteBuffer[] buffers = new ByteBuffer[4];
    private int head;
    private int tail;

    void add(ByteBuffer buffer) {
        if (tail == buffers.length) {
            if (head > 0) {
                System.arraycopy(buffers, head, buffers, 0, tail - head);
                java.util.Arrays.fill(buffers, tail - head, tail, null);
                tail -= head;
                head = 0;
            } else {
                buffers = java.util.Arrays.copyOf(buffers, buffers.length * 2);
            }
        }
        buffers[tail++] = buffer;
    }

    boolean isEmpty() {
        return head == tail;
    }

    /** Writes as much as the channel takes; true when everything queued has been written. */
    boolean writeTo(GatheringByteChannel channel) throws IOException {
        while (head < tail) {
            long n = channel.write(buffers, head, tail - head);
            while (head < tail && !buffers[head].hasRemaining()) {
                buffers[head++] = null;
            }
            if (n == 0) {
                break;
            }
        }
        if (head == tail) {
            head = 0;
            tail = 0;
            return true;
        }
        return false;
    }

    void clear() {
        java.util.Arrays.fill(buffers, null);
        head = 0;
        tail = 0;
    }
}
