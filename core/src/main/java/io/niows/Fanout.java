package io.niows;

import io.niows.Broadcaster.OverflowPolicy;
import io.niows.protocol.SendResult;
import io.niows.protocol.SharedMessage;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * Sends one shared message to a group of members under a per-member limit of queued bytes, and
 * applies the overflow policy to a member past it: the send loop of {@link Broadcaster} and of
 * {@link Topics}, written once.
 *
 * <p>Thread-safe: any number of threads may send at once; the counters are {@link LongAdder}s.
 */
final class Fanout {

    /** Messages for this many members or more live in direct memory (one copy saved per write). */
    static final int DIRECT_THRESHOLD = 8;

    private final long maxQueuedBytes;
    private final OverflowPolicy policy;
    private final LongAdder skipped = new LongAdder();
    private final LongAdder evicted = new LongAdder();
    private final LongAdder oversized = new LongAdder();

    Fanout(long maxQueuedBytes, OverflowPolicy policy) {
        if (maxQueuedBytes <= 0) {
            throw new IllegalArgumentException("maxQueuedBytes must be positive");
        }
        this.maxQueuedBytes = maxQueuedBytes;
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Queues {@code message} on every member, each getting the frame that fits it (plain or
     * compressed as it agreed), unless the frame alone is larger than the limit (then on none).
     *
     * @param message the message, encoded once
     * @param members the group; it may change while this runs (members added meanwhile may or may
     *     not get the message)
     * @param leave removes a member over its limit from the group under {@link OverflowPolicy#CLOSE};
     *     returns whether this call removed it, so that one eviction is counted and closed once
     * @return how many members the message was queued for
     */
    int send(SharedMessage message, Iterable<BroadcastMember> members, Predicate<BroadcastMember> leave) {
        if (message.plainFrame().remaining() > maxQueuedBytes) {
            oversized.increment();
            return 0;
        }
        int queued = 0;
        for (BroadcastMember m : members) {
            ByteBuffer frame = m.frameOf(message);
            long queuedNow = m.queuedBytes();
            if (queuedNow + frame.remaining() > maxQueuedBytes) {
                overflow(m, queuedNow, leave);
            } else if (sendTo(m, frame)) {
                queued++;
            }
        }
        return queued;
    }

    private boolean sendTo(BroadcastMember m, ByteBuffer frame) {
        SendResult result = m.sendEncoded(frame);
        if (result == SendResult.REFUSED_BUSY) {
            skipped.increment();
            m.countBroadcastOverflow(false, m.queuedBytes());
        }
        return result.accepted();
    }

    private void overflow(BroadcastMember m, long queuedNow, Predicate<BroadcastMember> leave) {
        if (policy == OverflowPolicy.SKIP) {
            skipped.increment();
            m.countBroadcastOverflow(false, queuedNow);
        } else if (leave.test(m)) {
            evicted.increment();
            m.countBroadcastOverflow(true, queuedNow);
            m.close(CloseCode.POLICY_VIOLATION, "too slow: broadcast queue full");
        }
    }

    long skipped() {
        return skipped.sum();
    }

    long evicted() {
        return evicted.sum();
    }

    long oversized() {
        return oversized.sum();
    }

    long maxQueuedBytes() {
        return maxQueuedBytes;
    }

    OverflowPolicy policy() {
        return policy;
    }
}
