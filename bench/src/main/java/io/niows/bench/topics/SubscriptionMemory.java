package io.niows.bench.topics;

import io.niows.QueueingMember;
import io.niows.Topics;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the heap one subscription of {@link Topics} holds: the members are made first, then the
 * heap in use after a full collection is read before and after subscribing them, and the
 * difference is divided by the number of subscriptions. Run with a fixed heap and one GC thread
 * for steady readings, for example {@code java -Xms1g -Xmx1g -XX:+UseSerialGC -cp
 * bench/target/benchmarks.jar io.niows.bench.topics.SubscriptionMemory 10000 10}.
 *
 * <p>Arguments: topics, then members per topic (each member is in one topic). It measures once:
 * run it several times, each in a fresh JVM, and take the median (in one JVM, later readings were
 * found unreliable: the heap after a collection did not always show the previous registry gone).
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
        double bytes = measure(members, names, perTopic);
        System.out.printf("%d topics x %d members: %.1f bytes per subscription%n", topicCount, perTopic, bytes);
    }

    /** Subscribes every member in a new registry, reading the heap before and after. */
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
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        // Collect until the reading stops falling: one collection may leave what the next frees.
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(50);
            long now = runtime.totalMemory() - runtime.freeMemory();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
