package io.niows.spectests.engine;

import io.niows.spectests.peer.PeerConnection;
import java.util.ArrayDeque;

/**
 * Autobahn's send queue ({@code WebSocketProtocol.sendData}, {@code _trigger}, {@code _send} in
 * autobahn's {@code websocket/protocol.py}): decides which bytes leave in the same TCP write.
 *
 * <p>Autobahn runs on a Twisted reactor. Its transport only buffers a write; the reactor sends
 * the whole buffer in one write when it comes round, after running the timed calls that are due.
 * Bytes sent plainly go to the transport at once, so everything one callback sends plainly leaves
 * in one write. A frame sent with {@code sync}, and each chop of a chopped frame, is queued
 * instead: when the queue is idle the first item goes to the transport at once, and each further
 * item one reactor turn after the previous one (a timed call 10 µs later, which is always due by
 * the time Python's reactor comes round). So the second item joins the first in its write, and
 * each later item leaves in a write of its own. Bytes sent plainly while items wait are queued
 * behind them, which keeps the order.
 *
 * <p>Here a turn ends after each thing the session does (the case's start, a timer, a frame
 * received, or a pause of {@link #pending() pending} releases): {@link #endTurn} releases the next
 * item, then flushes.
 *
 * <p>Not thread-safe: used on the session's thread only.
 */
final class SendQueue {
    private record Item(byte[] bytes, boolean sync) {
    }

    private final PeerConnection peer;
    private final ArrayDeque<Item> items = new ArrayDeque<>();
    /** Autobahn's {@code triggered}: a release is due at the end of the turn. */
    private boolean triggered;

    SendQueue(PeerConnection peer) {
        this.peer = peer;
    }

    /** Sends bytes plainly: to the peer's buffer, unless items wait (then behind them). */
    void write(byte[] bytes) {
        if (items.isEmpty()) {
            peer.write(bytes, false);
        } else {
            items.add(new Item(bytes, false));
        }
    }

    /** Queues bytes to leave in a turn of their own, the first of an idle queue at once. */
    void writeQueued(byte[] bytes) {
        items.add(new Item(bytes, true));
        if (!triggered) {
            triggered = true;
            release();
        }
    }

    /** Whether a release is due, so the session must end another turn even if nothing happens. */
    boolean pending() {
        return triggered;
    }

    /** Ends a reactor turn: the next queued item joins what the turn wrote, then all of it leaves. */
    void endTurn() {
        if (triggered) {
            release();
        }
        peer.flush();
    }

    private void release() {
        Item next = items.poll();
        if (next == null) {
            triggered = false;
        } else {
            peer.write(next.bytes(), next.sync());
        }
    }
}
