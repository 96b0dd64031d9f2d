package io.niows.bench.trace;

import io.niows.protocol.EngineConfig;
import io.niows.protocol.EngineListener;
import io.niows.protocol.WebSocketEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The CPU time one thread spends per echoed message in a sans-I/O server engine (no hook set):
 * 1000 masked 16-byte text frames received, each answered through the engine's outbound front.
 * That path holds the two null checks the frame trace added (one per receive, one per send), so
 * running this against a niows core before and after the trace, alternately, shows their cost
 * where a loaded machine's load comparison cannot. Thread CPU time, not wall time, so that other
 * work on the machine weighs less; prints the median of 15 trials.
 *
 * <p>Uses only the public API that both versions have. Single-threaded; a command-line tool.
 */
public final class EngineCost {

    private static final int FRAMES = 1000;
    private static final int TRIALS = 15;

    private EngineCost() {
    }

    /**
     * Runs the measurement and prints the median CPU nanoseconds per message.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        byte[] wire = frames();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < deadline) {
            run(wire, 50);
        }
        double[] perMessage = new double[TRIALS];
        for (int t = 0; t < TRIALS; t++) {
            long cpu = threads.getCurrentThreadCpuTime();
            int rounds = 200;
            long messages = run(wire, rounds);
            perMessage[t] = (threads.getCurrentThreadCpuTime() - cpu) / (double) messages;
        }
        Arrays.sort(perMessage);
        System.out.printf("median CPU ns per echoed message: %.1f (trials %.1f .. %.1f)%n", perMessage[TRIALS / 2],
                perMessage[0], perMessage[TRIALS - 1]);
    }

    /** Feeds {@code rounds} fresh engines the frames; returns the messages echoed. */
    private static long run(byte[] wire, int rounds) {
        long[] echoed = {0};
        long sunk = 0;
        for (int r = 0; r < rounds; r++) {
            ByteBuffer[] last = {null};
            WebSocketEngine[] engine = new WebSocketEngine[1];
            EngineListener echo = new EngineListener() {
                @Override
                public void onText(String text) {
                    engine[0].sendText(text);
                    echoed[0]++;
                }

                @Override
                public void onBinary(ByteBuffer data) {
                }

                @Override
                public void onPing(ByteBuffer payload) {
                }

                @Override
                public void onPong(ByteBuffer payload) {
                }

                @Override
                public void onCloseReceived(int code, String reason) {
                }
            };
            engine[0] = new WebSocketEngine(EngineConfig.server(), echo, frame -> last[0] = frame);
            engine[0].receive(ByteBuffer.wrap(wire.clone()));
            sunk += last[0].remaining();
        }
        if (sunk == 0) {
            throw new IllegalStateException("nothing echoed");
        }
        return echoed[0];
    }

    private static byte[] frames() {
        byte[] payload = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] key = {0x37, (byte) 0xfa, 0x21, 0x3d};
        int size = 2 + 4 + payload.length;
        byte[] wire = new byte[FRAMES * size];
        for (int f = 0; f < FRAMES; f++) {
            int p = f * size;
            wire[p] = (byte) 0x81;
            wire[p + 1] = (byte) (0x80 | payload.length);
            System.arraycopy(key, 0, wire, p + 2, 4);
            for (int i = 0; i < payload.length; i++) {
                wire[p + 6 + i] = (byte) (payload[i] ^ key[i & 3]);
            }
        }
        return wire;
    }
}
