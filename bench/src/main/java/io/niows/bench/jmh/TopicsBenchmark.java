package io.niows.bench.jmh;

import io.niows.Broadcaster;
import io.niows.QueueingMember;
import io.niows.Topics;
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
 * Publishing a 16-byte message to one topic of {@link Topics}, without I/O, in two shapes of
 * 100,000 subscriptions: many small topics (10,000 topics of 10 members) and few large ones (10
 * topics of 10,000 members). Each call publishes to the next topic in turn and empties the queues
 * of that topic's members; {@code broadcaster} is the same 10 or 10,000 members in a
 * {@link Broadcaster}, the floor a topic is compared with.
 *
 * <p>JMH state: one instance per benchmark thread; members are {@link QueueingMember}s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TopicsBenchmark {

    /** Topics x members per topic. */
    @Param({"10000x10", "10x10000"})
    public String shape;

    private final ByteBuffer payload = ByteBuffer.allocate(16);
    private final Topics topics = new Topics(Long.MAX_VALUE, Broadcaster.OverflowPolicy.SKIP);
    private final Broadcaster room = new Broadcaster(Long.MAX_VALUE, Broadcaster.OverflowPolicy.SKIP);
    private final List<List<QueueingMember>> membersOf = new ArrayList<>();
    private String[] names;
    private int next;

    @Setup
    public void setUp() {
        String[] parts = shape.split("x");
        int topicCount = Integer.parseInt(parts[0]);
        int perTopic = Integer.parseInt(parts[1]);
        names = new String[topicCount];
        for (int t = 0; t < topicCount; t++) {
            names[t] = "topic-" + t;
            List<QueueingMember> members = new ArrayList<>();
            for (int i = 0; i < perTopic; i++) {
                QueueingMember m = new QueueingMember();
                members.add(m);
                topics.subscribe(m, names[t]);
                if (t == 0) {
                    room.add(m);
                }
            }
            membersOf.add(members);
        }
    }

    @Benchmark
    public int publish() {
        int t = next;
        next = t + 1 == names.length ? 0 : t + 1;
        int queued = topics.publish(names[t], payload);
        for (QueueingMember m : membersOf.get(t)) {
            m.drain();
        }
        return queued;
    }

    @Benchmark
    public int broadcaster() {
        int queued = room.broadcast(payload);
        for (QueueingMember m : membersOf.get(0)) {
            m.drain();
        }
        return queued;
    }
}
