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
 * <p>With deflate the messages are text: a {@link TextStamp} and chat-like JSON, each compressed
 * on its own by the publishing loop's {@link ClientCompressor} as it is published; receipts are
 * inflated by each connection's reader and must be text of {@code size} bytes.
 *
 * <p>Thread-safe: shared state is the {@link BroadcastTally}; the rest is per connection.
 */
final class BroadcastBehavior implements Behavior {

    static final int MIN_SIZE = 16;

    private final int size;
    private final int window;
    private final BroadcastTally tally;
    private final boolean deflate;
    private final int opcode;
    private volatile LoadLoop[] loops = new LoadLoop[0];

    BroadcastBehavior(int size, int window, BroadcastTally tally) {
        this(size, window, tally, false);
    }

    /** @param deflate whether to publish compressed text instead of plain binary */
    BroadcastBehavior(int size, int window, BroadcastTally tally, boolean deflate) {
        if (size < MIN_SIZE) {
            throw new IllegalArgumentException("broadcast messages carry 16 bytes of stamp: size >= 16");
        }
        this.size = size;
        this.window = window;
        this.tally = tally;
        this.deflate = deflate;
        this.opcode = deflate ? ClientFrameWriter.OP_TEXT : ClientFrameWriter.OP_BINARY;
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
                c.out.add(frame(loop, tally.publish()));
                queued = true;
            }
            if (queued) {
                loop.flush(c);
            }
        }
    }

    /** The frame of message {@code seq}, stamped now. */
    private ByteBuffer frame(LoadLoop loop, long seq) {
        int key = ThreadLocalRandom.current().nextInt();
        if (deflate) {
            byte[] message = TextStamp.message(size, seq, System.nanoTime());
            ByteBuffer payload = ByteBuffer.wrap(loop.compressor().compress(message));
            return ClientFrameWriter.frame(ClientFrameWriter.RSV1 | opcode, payload, key, false);
        }
        ByteBuffer payload = ByteBuffer.allocate(size);
        payload.putLong(0, seq).putLong(8, System.nanoTime());
        return ClientFrameWriter.frame(opcode, payload, key, false);
    }

    @Override
    public void onFrame(LoadLoop loop, ClientConnection c, int opcode, long length, long word0, long word1) {
        if (opcode != this.opcode || length != size) {
            if (opcode != 0x9 && opcode != 0xA) {
                loop.fail(c, new IllegalStateException("unexpected frame: opcode " + opcode + ", " + length + " bytes"));
            }
            return;
        }
        long seq = deflate ? TextStamp.seq(word0, word1) : word0;
        long stamp = deflate ? TextStamp.nanos(word0, word1) : word1;
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
