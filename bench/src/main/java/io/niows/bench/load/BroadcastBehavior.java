package io.niows.bench.load;

import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The broadcast workload on {@code /broadcast}: publisher connections send binary messages of
 * {@code size} bytes that start with a sequence number and a {@code System.nanoTime()} stamp;
 * every connection (publishers too) receives each one from the server and records the latency
 * from publish to receipt. Publishing stops while {@code window} messages are not yet delivered to
 * everyone, so the load is as high as the server sustains without unbounded queues.
 *
 * <p>Thread-safe: shared state is the {@link BroadcastTally}; the rest is per connection.
 */
final class BroadcastBehavior implements Behavior {

    static final int MIN_SIZE = 16;

    private final int size;
    private final int window;
    private final BroadcastTally tally;
    private volatile LoadLoop[] loops = new LoadLoop[0];

    BroadcastBehavior(int size, int window, BroadcastTally tally) {
        if (size < MIN_SIZE) {
            throw new IllegalArgumentException("broadcast messages carry 16 bytes of stamp: size >= 16");
        }
        this.size = size;
        this.window = window;
        this.tally = tally;
    }

    /** The loops that hold publishers: woken when a message completes, to publish the next. */
    void publisherLoops(LoadLoop... publisherLoops) {
        this.loops = publisherLoops.clone();
    }

    @Override
    public String path() {
        return "/broadcast";
    }

    @Override
    public void start(LoadLoop loop, ClientConnection c) {
        tick(loop);
    }

    @Override
    public void tick(LoadLoop loop) {
        int phase = loop.phase();
        if (phase != RunControl.WARMUP && phase != RunControl.MEASURE) {
            return;
        }
        for (ClientConnection c : loop.connections()) {
            if (!c.publisher || !c.upgraded() || !c.channel.isOpen()) {
                continue;
            }
            boolean queued = false;
            while (tally.inFlight() < window) {
                ByteBuffer payload = ByteBuffer.allocate(size);
                payload.putLong(0, tally.publish()).putLong(8, System.nanoTime());
                c.out.add(ClientFrameWriter.frame(ClientFrameWriter.OP_BINARY, payload,
                        ThreadLocalRandom.current().nextInt(), false));
                queued = true;
            }
            if (queued) {
                loop.flush(c);
            }
        }
    }

    @Override
    public void onFrame(LoadLoop loop, ClientConnection c, int opcode, long length, long seq, long stamp) {
        if (opcode != ClientFrameWriter.OP_BINARY || length != size) {
            if (opcode != 0x9 && opcode != 0xA) {
                loop.fail(c, new IllegalStateException("unexpected frame: opcode " + opcode + ", " + length + " bytes"));
            }
            return;
        }
        long now = System.nanoTime();
        if (loop.measuring()) {
            loop.measured(c, length, now - stamp);
        }
        if (tally.received(seq)) {
            for (LoadLoop l : loops) {
                if (l != loop) {
                    l.wakeup();
                }
            }
        }
    }
}
