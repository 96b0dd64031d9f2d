package io.niows.bench.jmh;

import io.niows.Broadcaster;
import io.niows.QueueingMember;
import io.niows.protocol.FrameEncoding;
import io.niows.protocol.Role;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
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
 * Queueing one message for 1000 members, without I/O: niows' {@link Broadcaster} (encode once,
 * a read-only view per member) against encoding the frame again for each member, as a server
 * that loops over its connections calling send does.
 *
 * <p>JMH state: one instance per benchmark thread; members are {@link QueueingMember}s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BroadcastQueueingBenchmark {

    private static final int MEMBERS = 1000;

    @Param({"16", "1024"})
    public int size;

    private ByteBuffer payload;
    private Broadcaster room;
    private final List<QueueingMember> members = new ArrayList<>();

    @Setup
    public void setUp() {
        payload = ByteBuffer.allocate(size);
        room = new Broadcaster(Long.MAX_VALUE, Broadcaster.OverflowPolicy.SKIP);
        for (int i = 0; i < MEMBERS; i++) {
            QueueingMember m = new QueueingMember();
            members.add(m);
            room.add(m);
        }
    }

    @Benchmark
    public int encodeOnce() {
        int queued = room.broadcast(payload);
        drain();
        return queued;
    }

    @Benchmark
    public int encodePerMember() {
        int queued = 0;
        for (QueueingMember m : members) {
            if (m.sendEncoded(FrameEncoding.binary(payload.duplicate(), Role.SERVER)).accepted()) {
                queued++;
            }
        }
        drain();
        return queued;
    }

    private void drain() {
        for (QueueingMember m : members) {
            m.drain();
        }
    }
}
