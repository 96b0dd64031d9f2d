package io.niows;

import io.niows.protocol.SendResult;
import io.niows.protocol.SharedMessage;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * A broadcast member without a socket: it keeps the close listeners it was given, so a test can
 * count them and fire them, and it accepts every frame (it reports the queued bytes a test sets).
 *
 * <p>Not thread-safe, but for its close listeners, which several threads may add and remove at once.
 */
final class FakeMember implements BroadcastMember {

    /** The close listeners registered and not yet run. */
    final List<Consumer<WebSocket>> closeListeners = Collections.synchronizedList(new ArrayList<>());
    /** The lengths of the frames queued on it, in order. */
    final List<Integer> frames = new ArrayList<>();
    /** The shared messages asked for a frame, in order. */
    final List<SharedMessage> messages = new ArrayList<>();
    /** The bytes it says it has waiting to be written. */
    long queuedBytes;
    private boolean open = true;

    /** Closes the connection: runs and forgets its close listeners, as a real connection does. */
    void closeNow() {
        open = false;
        List<Consumer<WebSocket>> listeners = List.copyOf(closeListeners);
        closeListeners.clear();
        listeners.forEach(l -> l.accept(this));
    }

    @Override
    public SendResult sendEncoded(ByteBuffer frame) {
        if (!open) {
            return SendResult.REFUSED_CLOSED;
        }
        frames.add(frame.remaining());
        return SendResult.QUEUED;
    }

    @Override
    public ByteBuffer frameOf(SharedMessage message) {
        messages.add(message);
        return message.plainFrame();
    }

    @Override
    public String extensions() {
        return null;
    }

    @Override
    public void onClosed(Consumer<WebSocket> listener) {
        if (open) {
            closeListeners.add(listener);
        } else {
            listener.accept(this);
        }
    }

    @Override
    public void removeOnClosed(Consumer<WebSocket> listener) {
        closeListeners.remove(listener);
    }

    @Override
    public void countBroadcastOverflow(boolean evicted, long queuedBytes) {
        // a fake has no server whose metrics would count it
    }

    @Override
    public boolean masksFrames() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
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
        closeNow();
    }

    @Override
    public void abort() {
        closeNow();
    }

    /** A fake reads nothing: pausing changes nothing it does. */
    @Override
    public void pauseReading() {
    }

    @Override
    public void resumeReading() {
    }

    @Override
    public InetSocketAddress remoteAddress() {
        throw new UnsupportedOperationException();
    }

    @Override
    public HttpRequestHead request() {
        throw new UnsupportedOperationException();
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
        throw new UnsupportedOperationException();
    }
}
