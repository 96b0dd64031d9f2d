package io.niows.bench.topics;

import io.niows.QueueingMember;
import io.niows.Topics;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the heap one subscription of {@link Topics} holds: the members are made first, then the
 * heap in use after a full collection is read before and after subscribing them, and the
 * difference is divided by the number of subscriptions. Run with a fixed heap and one GC thread
 * for steady readings, for example {@code java -Xms1g -Xmx1g -XX:+UseSerialGC -cp
 * bench/target/benchmarks.jar io.niows.bench.topics.SubscriptionMemory 10000 10}.
 *
 * <p>Arguments: topics, then members per topic (each member is in one topic). Prints one line per
 * round (five rounds, each with a new registry) and the median.
 *
 * <p>Not thread-safe: a command-line tool run on one thread.
 */
public final class SubscriptionMemory {

    /** The registry being measured, reachable for certain while the heap is read. */
    private static volatile Topics held;

    private SubscriptionMemory() {
    }

    /**
     * Runs the measurement.
     *
     * @param args topics and members per topic
     * @throws InterruptedException if interrupted between collections
     */
    public static void main(String[] args) throws InterruptedException {
        int topicCount = Integer.parseInt(args[0]);
        int perTopic = Integer.parseInt(args[1]);
        List<QueueingMember> members = new ArrayList<>();
        for (int i = 0; i < topicCount * perTopic; i++) {
            members.add(new QueueingMember());
        }
        String[] names = new String[topicCount];
        for (int t = 0; t < topicCount; t++) {
            names[t] = "topic-" + t;
        }
        double[] perSubscription = new double[5];
        for (int round = 0; round < perSubscription.length; round++) {
            perSubscription[round] = measure(members, names, perTopic);
            System.out.printf("round %d: %d topics x %d members: %.1f bytes per subscription%n",
                    round + 1, topicCount, perTopic, perSubscription[round]);
        }
        Arrays.sort(perSubscription);
        System.out.printf("median: %.1f bytes per subscription%n", perSubscription[2]);
    }

    /** Subscribes every member in a new registry; the registry is unreachable once this returns. */
    private static double measure(List<QueueingMember> members, String[] names, int perTopic)
            throws InterruptedException {
        long before = usedAfterGc();
        Topics topics = new Topics();
        for (int t = 0; t < names.length; t++) {
            for (int i = 0; i < perTopic; i++) {
                topics.subscribe(members.get(t * perTopic + i), names[t]);
            }
        }
        held = topics;
        long after = usedAfterGc();
        held = null;
        if (topics.topicCount() != names.length) {
            throw new IllegalStateException("subscriptions lost: " + topics.topicCount() + " topics");
        }
        return (after - before) / (double) members.size();
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
