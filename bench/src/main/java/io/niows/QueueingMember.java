package io.niows;

import io.niows.protocol.SendResult;
import io.niows.protocol.SharedMessage;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * A stand-in broadcast member for benchmarks: it queues what it is given, as a connection's
 * write queue would, and never writes. Only the broadcasting methods are implemented. It lives in
 * package {@code io.niows} (in this module) to implement the broadcaster's package-private member
 * interface, as core's own tests do.
 *
 * <p>Not thread-safe: one benchmark thread uses it.
 */
public final class QueueingMember implements BroadcastMember {

    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    private long queuedBytes;

    /** Forgets what was queued. */
    public void drain() {
        queue.clear();
        queuedBytes = 0;
    }

    @Override
    public SendResult sendEncoded(ByteBuffer frame) {
        queue.add(frame);
        queuedBytes += frame.remaining();
        return SendResult.QUEUED;
    }

    @Override
    public void onClosed(Consumer<WebSocket> listener) {
    }

    @Override
    public void removeOnClosed(Consumer<WebSocket> listener) {
    }

    @Override
    public void countBroadcastOverflow(boolean evicted, long queuedBytes) {
        // no server's metrics to count it in
    }

    @Override
    public boolean masksFrames() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public long queuedBytes() {
        return queuedBytes;
    }

    @Override
    public SendResult sendText(CharSequence text, SendCallback callback) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SendResult sendBinary(ByteBuffer data, SendCallback callback) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SendResult sendFragment(boolean text, ByteBuffer part, boolean last) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SendResult ping(ByteBuffer payload) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close(int code, String reason) {
    }

    @Override
    public void abort() {
    }

    @Override
    public void pauseReading() {
    }

    @Override
    public void resumeReading() {
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return null;
    }

    @Override
    public HttpRequestHead request() {
        return null;
    }

    @Override
    public ByteBuffer frameOf(SharedMessage message) {
        return message.plainFrame();
    }

    @Override
    public String extensions() {
        return null;
    }

    @Override
    public String subprotocol() {
        return null;
    }

    @Override
    public <T> T attachment() {
        return null;
    }

    @Override
    public void attach(Object attachment) {
    }
}
