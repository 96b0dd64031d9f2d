package io.niows.bench.load;

import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The echo workload: each connection keeps {@code depth} masked binary frames of {@code size}
 * bytes in flight on {@code /}, sends the next one when an echo comes back, and times each round
 * trip from the moment the frame was queued. Frames are built once (a few masking keys) and queued
 * as duplicates, so the tool spends its time on I/O, not on masking.
 *
 * <p>Thread-safe: the prebuilt frames are never modified; everything else is per connection.
 */
final class EchoBehavior implements Behavior {

    private static final int VARIANTS = 4;

    private final int size;
    private final int depth;
    private final ByteBuffer[] frames = new ByteBuffer[VARIANTS];

    EchoBehavior(int size, int depth) {
        this.size = size;
        this.depth = depth;
        ByteBuffer payload = ByteBuffer.allocate(size);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < size; i++) {
            payload.put(i, (byte) ('a' + i % 26));
        }
        for (int i = 0; i < VARIANTS; i++) {
            frames[i] = ClientFrameWriter.frame(ClientFrameWriter.OP_BINARY, payload, random.nextInt(), true);
        }
    }

    @Override
    public String path() {
        return "/";
    }

    @Override
    public void start(LoadLoop loop, ClientConnection c) {
        for (int i = 0; i < depth; i++) {
            send(c, i);
        }
    }

    private void send(ClientConnection c, int variant) {
        c.out.add(frames[variant % VARIANTS].duplicate());
        c.sent(System.nanoTime(), depth);
    }

    @Override
    public void onFrame(LoadLoop loop, ClientConnection c, int opcode, long length, long word0, long word1) {
        if (opcode != ClientFrameWriter.OP_BINARY || length != size) {
            if (opcode != 0x9 && opcode != 0xA) {
                loop.fail(c, new IllegalStateException("unexpected frame: opcode " + opcode + ", " + length + " bytes"));
            }
            return;
        }
        long sentAt = c.answered();
        long now = System.nanoTime();
        if (loop.measuring()) {
            loop.measured(c, length, now - sentAt);
        }
        if (loop.phase() < RunControl.DRAIN) {
            send(c, (int) c.measured);
        }
    }
}
