package io.niows.bench.jmh;

import io.niows.bench.deflate.ChatJson;
import io.niows.internal.frame.FrameDecoder;
import io.niows.internal.frame.FrameEncoder;
import io.niows.internal.frame.FrameEvents;
import io.niows.internal.frame.MessageDeflater;
import io.niows.internal.frame.MessageInflater;
import io.niows.internal.frame.WireFormat;
import io.niows.internal.frame.ZlibPool;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The CPU a chat-like JSON message ({@link ChatJson}) costs with permessage-deflate, one message
 * per operation, each operation timed in microseconds:
 *
 * <ul>
 *   <li>{@code compress}: {@link MessageDeflater#independent} compresses it, as a server does for
 *       each message it sends (each message on its own, the default);
 *   <li>{@code decodeCompressed}: the server's {@link FrameDecoder} with a {@link MessageInflater}
 *       (streams from a pool, as when the client agreed to no context takeover) reads the masked
 *       compressed text frame, inflates it, checks its UTF-8 and delivers the string;
 *   <li>{@code decodePlain}: the same message, uncompressed: what the decoder costs without the
 *       extension, the baseline that the other two add to.
 * </ul>
 *
 * <p>Both decodes first copy the frame into a work buffer (the decoder unmasks a compressed
 * message's chunks in place), so they pay the same copy. The compressed sizes are printed by {@code DeflateRatios chat}.
 *
 * <p>JMH state: one instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DeflateBenchmark {

    private static final long LIMIT = 16L << 20;
    private static final int MASKING_KEY = 0x1234_5678;

    @Param({"16", "32", "64", "128", "256", "1024", "4096"})
    public int size;

    @Param({"1", "6"})
    public int level;

    private ByteBuffer message;
    private MessageDeflater deflater;
    private ByteBuffer compressedFrame;
    private ByteBuffer plainFrame;
    private ByteBuffer work;
    private FrameDecoder inflatingDecoder;
    private FrameDecoder plainDecoder;
    private Blackhole sink;

    @Setup
    public void setUp(Blackhole blackhole) {
        sink = blackhole;
        message = ByteBuffer.wrap(ChatJson.message(size, 1));
        deflater = MessageDeflater.independent(level, MessageDeflater.MAX_WINDOW_BITS);
        FrameEncoder client = new FrameEncoder(true, () -> MASKING_KEY);
        compressedFrame = client.encode(WireFormat.B0_FLAG_RSV1 | WireFormat.OPCODE_TEXT, true,
                deflater.compress(message));
        plainFrame = client.encode(WireFormat.OPCODE_TEXT, true, message.duplicate());
        work = ByteBuffer.allocate(plainFrame.capacity() + compressedFrame.capacity());
        inflatingDecoder = new FrameDecoder(true, LIMIT, LIMIT, new Sink(),
                new MessageInflater(ZlibPool.inflaters(), false));
        plainDecoder = new FrameDecoder(true, LIMIT, LIMIT, new Sink());
    }

    /** Compresses the message on its own, as a server sends it. */
    @Benchmark
    public ByteBuffer compress() {
        return deflater.compress(message);
    }

    /** Decodes, inflates and delivers the compressed frame. */
    @Benchmark
    public void decodeCompressed() {
        work.clear();
        work.put(compressedFrame.duplicate()).flip();
        inflatingDecoder.decode(work);
    }

    /** Decodes and delivers the plain frame of the same message. */
    @Benchmark
    public void decodePlain() {
        work.clear();
        work.put(plainFrame.duplicate()).flip();
        plainDecoder.decode(work);
    }

    private final class Sink implements FrameEvents {
        @Override
        public void onText(String text) {
            sink.consume(text);
        }

        @Override
        public void onBinary(ByteBuffer data) {
            sink.consume(data);
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
