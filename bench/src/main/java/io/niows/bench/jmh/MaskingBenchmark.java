package io.niows.bench.jmh;

import io.niows.internal.frame.Masking;
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

/**
 * Unmasking a payload ({@link Masking#mask}, eight bytes at a time) against a plain copy of the
 * same bytes: how close unmasking gets to the cost of just moving the data.
 *
 * <p>JMH state: one instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MaskingBenchmark {

    @Param({"16", "1024", "4096", "65536", "1048576"})
    public int size;

    /** Heap buffers, or direct ones as a socket read fills. */
    @Param({"heap", "direct"})
    public String buffer;

    private ByteBuffer src;
    private ByteBuffer dst;

    @Setup
    public void setUp() {
        boolean direct = buffer.equals("direct");
        src = direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
        for (int i = 0; i < size; i++) {
            src.put(i, (byte) i);
        }
        dst = direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
    }

    @Benchmark
    public ByteBuffer unmask() {
        Masking.mask(src, 0, dst, 0, size, 0x37FA_213D, 0);
        return dst;
    }

    @Benchmark
    public ByteBuffer copy() {
        dst.clear();
        dst.put(src.duplicate());
        return dst;
    }
}
