package io.niows.bench.load;

import io.niows.bench.deflate.ChatJson;
import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The echo workload: each connection keeps {@code depth} masked binary frames of {@code size}
 * bytes in flight on {@code /}, sends the next one when an echo comes back, and times each round
 * trip from the moment the frame was queued. Frames are built once (a few masking keys) and queued
 * as duplicates, so the tool spends its time on I/O, not on masking.
 *
 * <p>With deflate the messages are text: chat-like JSON ({@link ChatJson}, a different message per
 * variant), each compressed on its own by a {@link ClientCompressor} and sent with RSV1 set. Built
 * once too: compressed on its own, a message is the same bytes every time it is sent. Echoes are
 * inflated by the connection's reader and must come back as text of {@code size} bytes.
 *
 * <p>Thread-safe: the prebuilt frames are never modified; everything else is per connection.
 */
final class EchoBehavior implements Behavior {

    private static final int VARIANTS = 4;

    private final int size;
    private final int depth;
    private final int opcode;
    private final ByteBuffer[] frames = new ByteBuffer[VARIANTS];

    EchoBehavior(int size, int depth) {
        this(size, depth, false);
    }

    /** @param deflate whether to send compressed chat-like JSON text instead of plain binary */
    EchoBehavior(int size, int depth, boolean deflate) {
        this.size = size;
        this.depth = depth;
        this.opcode = deflate ? ClientFrameWriter.OP_TEXT : ClientFrameWriter.OP_BINARY;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (deflate) {
            ClientCompressor compressor = new ClientCompressor();
            try {
                for (int i = 0; i < VARIANTS; i++) {
                    ByteBuffer payload = ByteBuffer.wrap(compressor.compress(ChatJson.message(size, i)));
                    frames[i] = ClientFrameWriter.frame(ClientFrameWriter.RSV1 | opcode, payload, random.nextInt(),
                            true);
                }
            } finally {
                compressor.end();
            }
            return;
        }
        ByteBuffer payload = ByteBuffer.allocate(size);
        for (int i = 0; i < size; i++) {
            payload.put(i, (byte) ('a' + i % 26));
        }
        for (int i = 0; i < VARIANTS; i++) {
            frames[i] = ClientFrameWriter.frame(opcode, payload, random.nextInt(), true);
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
        if (opcode != this.opcode || length != size) {
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
