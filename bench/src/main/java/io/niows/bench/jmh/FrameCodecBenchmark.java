package io.niows.bench.jmh;

import io.niows.internal.frame.FrameDecoder;
import io.niows.internal.frame.FrameEncoder;
import io.niows.internal.frame.FrameEvents;
import io.niows.internal.frame.WireFormat;
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
 * One frame through niows' codec per operation: a masked client frame decoded by the server-side
 * {@link FrameDecoder} (reader, RFC rules, unmasking, message delivery), and a server frame
 * encoded by {@link FrameEncoder} into a reused buffer. The score is frames per microsecond;
 * times {@code size} it is bytes per microsecond (the README's table shows both).
 *
 * <p>JMH state: one instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameCodecBenchmark {

    @Param({"0", "16", "125", "1024", "65536", "1048576"})
    public int size;

    /** Where the frame bytes live: a heap buffer, or a direct one as a socket read fills. */
    @Param({"heap", "direct"})
    public String buffer;

    private ByteBuffer maskedFrame;
    private ByteBuffer payload;
    private ByteBuffer out;
    private FrameDecoder decoder;
    private FrameEncoder serverEncoder;
    private Blackhole sink;

    @Setup
    public void setUp(Blackhole blackhole) {
        sink = blackhole;
        payload = allocate(size);
        ByteBuffer frame = new FrameEncoder(true, () -> 0x1234_5678)
                .encode(WireFormat.OPCODE_BINARY, true, payload.duplicate());
        maskedFrame = allocate(frame.remaining()).put(frame).flip();
        decoder = new FrameDecoder(true, 16L << 20, 16L << 20, new Listener());
        serverEncoder = new FrameEncoder(false, () -> 0);
        out = allocate(size + 16);
    }

    private ByteBuffer allocate(int capacity) {
        return buffer.equals("direct") ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
    }

    /** Decodes one masked binary frame (unmasked while copied into the message; the input stays as it is). */
    @Benchmark
    public void decode() {
        decoder.decode(maskedFrame.clear());
    }

    /** Encodes one unmasked binary frame, header and payload, into a reused buffer. */
    @Benchmark
    public ByteBuffer encode() {
        out.clear();
        serverEncoder.encode(WireFormat.OPCODE_BINARY, true, payload.duplicate(), out);
        return out;
    }

    private final class Listener implements FrameEvents {
        @Override
        public void onText(String text) {
            sink.consume(text);
        }

        @Override
        public void onBinary(ByteBuffer data) {
            sink.consume(data);
        }

        @Override
        public void onPing(ByteBuffer p) {
        }

        @Override
        public void onPong(ByteBuffer p) {
        }

        @Override
        public void onCloseReceived(int code, String reason) {
        }
    }
}
