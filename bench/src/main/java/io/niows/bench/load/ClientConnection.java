package io.niows.bench.load;

import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One WebSocket connection of the load tool: its socket, handshake and frame-reading state, what
 * it has yet to write, and the send times of its frames in flight (echoes come back in order).
 *
 * <p>Not thread-safe: confined to the loop thread that opened it.
 */
final class ClientConnection {

    final SocketChannel channel;
    SelectionKey key;
    ClientHandshake handshake;
    final ServerFrameReader reader;
    final OutQueue out = new OutQueue();
    boolean writeInterest;
    boolean publisher;
    /** Frames received while the round was measured. */
    long measured;
    private long[] sendTimes;
    private int first;
    private int inFlight;

    /** @param deflate whether the connection offers permessage-deflate and must agree on it */
    ClientConnection(SocketChannel channel, boolean deflate) {
        this.channel = channel;
        this.handshake = new ClientHandshake(deflate);
        this.reader = new ServerFrameReader(deflate);
    }

    boolean upgraded() {
        return handshake == null;
    }

    void sent(long nanoTime, int depth) {
        if (sendTimes == null) {
            sendTimes = new long[depth];
        }
        sendTimes[(first + inFlight++) % sendTimes.length] = nanoTime;
    }

    /** The send time of the oldest frame in flight, now answered; -1 when none was in flight. */
    long answered() {
        if (inFlight == 0) {
            return -1;
        }
        long t = sendTimes[first];
        first = (first + 1) % sendTimes.length;
        inFlight--;
        return t;
    }
}
