package io.niows.bench.deflate;

import io.niows.internal.frame.FrameDecoder;
import io.niows.internal.frame.FrameEncoder;
import io.niows.internal.frame.FrameEvents;
import io.niows.internal.frame.MessageDeflater;
import io.niows.internal.frame.MessageInflater;
import io.niows.internal.frame.WireFormat;
import io.niows.internal.frame.ZlibPool;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;

/**
 * The operations of {@code DeflateBenchmark} timed in CPU time of the measuring thread instead of
 * wall time: on a machine shared with other work a thread that waits for a core accrues no CPU
 * time, so these figures move far less from run to run than JMH's, whose wall-clock scores count
 * the waits too. For each chat-like JSON size and level 1 and 6: the median over {@code ROUNDS}
 * rounds of the CPU nanoseconds per operation of compressing a message ({@link
 * MessageDeflater#independent}), decoding its compressed frame (inflate, UTF-8 check, string) and
 * decoding its plain frame.
 *
 * <p>A command-line tool: one thread, run from {@code main}. Usage: {@code DeflateCost [ROUNDS]}.
 */
public final class DeflateCost {

    private static final long LIMIT = 16L << 20;
    private static final int WARMUP_OPS = 20_000;
    private static final long ROUND_NANOS = 200_000_000L;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static long sink;

    private DeflateCost() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        System.out.println("| size B | level | compressed B | compress µs | decode compressed µs | decode plain µs |"
                + " extra CPU per echo µs |");
        System.out.println("|--:|--:|--:|--:|--:|--:|--:|");
        for (int size : DeflateRatios.CHAT_SIZES) {
            for (int level : new int[] {1, 6}) {
                row(size, level, rounds);
            }
        }
        System.out.println("(checksum " + sink + ")");
    }

    private static void row(int size, int level, int rounds) {
        ByteBuffer message = ByteBuffer.wrap(ChatJson.message(size, 1));
        MessageDeflater deflater = MessageDeflater.independent(level, MessageDeflater.MAX_WINDOW_BITS);
        ByteBuffer compressed = deflater.compress(message);
        FrameEncoder client = new FrameEncoder(true, () -> 0x1234_5678);
        ByteBuffer compressedFrame = client.encode(WireFormat.B0_FLAG_RSV1 | WireFormat.OPCODE_TEXT, true, compressed);
        ByteBuffer plainFrame = client.encode(WireFormat.OPCODE_TEXT, true, message.duplicate());
        ByteBuffer work = ByteBuffer.allocate(plainFrame.capacity() + compressedFrame.capacity());
        FrameDecoder inflating = new FrameDecoder(true, LIMIT, LIMIT, new Sink(),
                new MessageInflater(ZlibPool.inflaters(), false));
        FrameDecoder plain = new FrameDecoder(true, LIMIT, LIMIT, new Sink());
        Runnable compress = () -> sink += deflater.compress(message).remaining();
        Runnable decodeCompressed = () -> {
            work.clear();
            work.put(compressedFrame.duplicate()).flip();
            inflating.decode(work);
        };
        Runnable decodePlain = () -> {
            work.clear();
            work.put(plainFrame.duplicate()).flip();
            plain.decode(work);
        };
        double c = median(compress, rounds);
        double dc = median(decodeCompressed, rounds);
        double dp = median(decodePlain, rounds);
        System.out.printf(Locale.ROOT, "| %d | %d | %d | %.2f | %.2f | %.2f | %.2f |%n", size, level,
                compressed.remaining(), c / 1e3, dc / 1e3, dp / 1e3, (c + dc - dp) / 1e3);
    }

    /** The median over rounds of CPU nanoseconds per run of {@code op}, after a warm-up. */
    private static double median(Runnable op, int rounds) {
        for (int i = 0; i < WARMUP_OPS; i++) {
            op.run();
        }
        double[] perOp = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long ops = 0;
            long start = THREADS.getCurrentThreadCpuTime();
            long now;
            do {
                for (int i = 0; i < 1000; i++) {
                    op.run();
                }
                ops += 1000;
                now = THREADS.getCurrentThreadCpuTime();
            } while (now - start < ROUND_NANOS);
            perOp[r] = (now - start) / (double) ops;
        }
        Arrays.sort(perOp);
        return perOp[rounds / 2];
    }

    /** Counts what the decoders deliver, so the JIT cannot drop the work. */
    private static final class Sink implements FrameEvents {
        @Override
        public void onText(String text) {
            sink += text.length();
        }

        @Override
        public void onBinary(ByteBuffer data) {
            sink += data.remaining();
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
    }
}
