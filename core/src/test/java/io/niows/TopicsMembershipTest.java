package io.niows;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.Broadcaster.OverflowPolicy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Topics without sockets: who is subscribed to what, what a connection keeps of the registry, one
 * encoding per publish, and the overflow policy.
 */
class TopicsMembershipTest {

    private final Topics topics = new Topics();

    @Test
    void aConnectionIsSubscribedToEachTopicOnceAndOnlyThoseGetItsMessages() {
        FakeMember a = new FakeMember();
        FakeMember b = new FakeMember();

        assertThat(topics.subscribe(a, "red")).isTrue();
        assertThat(topics.subscribe(a, "red")).isFalse();
        assertThat(topics.subscribe(a, "blue")).isTrue();
        assertThat(topics.subscribe(b, "blue")).isTrue();

        assertThat(topics.topicsOf(a)).containsExactlyInAnyOrder("red", "blue");
        assertThat(topics.subscribers("blue")).containsExactlyInAnyOrder(a, b);
        assertThat(topics.subscriberCount("red")).isEqualTo(1);
        assertThat(topics.isSubscribed(b, "red")).isFalse();
        assertThat(topics.publish("red", "r")).isEqualTo(1);
        assertThat(topics.publish("blue", "bb")).isEqualTo(2);
        assertThat(topics.publish("green", "g")).isZero();
        assertThat(a.frames).containsExactly(3, 4);
        assertThat(b.frames).containsExactly(4);
    }

    @Test
    void aTopicWithoutSubscribersIsForgotten() {
        FakeMember a = new FakeMember();
        topics.subscribe(a, "red");
        topics.subscribe(a, "blue");

        assertThat(topics.unsubscribe(a, "red")).isTrue();
        assertThat(topics.unsubscribe(a, "red")).isFalse();

        assertThat(topics.topicCount()).isEqualTo(1);
        assertThat(topics.topicsOf(a)).containsExactly("blue");
        assertThat(topics.publish("red", "r")).isZero();
    }

    @Test
    void aClosingConnectionLeavesEveryTopicAndOthersStay() {
        FakeMember a = new FakeMember();
        FakeMember b = new FakeMember();
        for (int i = 0; i < 100; i++) {
            topics.subscribe(a, "t" + i);
        }
        topics.subscribe(b, "t7");

        a.closeNow();

        assertThat(topics.topicsOf(a)).isEmpty();
        assertThat(topics.topicCount()).isEqualTo(1);
        assertThat(topics.subscribers("t7")).containsExactly(b);
        assertThat(topics.subscribe(a, "t1")).as("a closed connection cannot subscribe").isFalse();
        assertThat(topics.topicCount()).isEqualTo(1);
    }

    @Test
    void aConnectionHoldsOneListenerWhileSubscribedAndNoneAfterItsLastTopic() {
        FakeMember a = new FakeMember();
        for (int round = 0; round < 100; round++) {
            topics.subscribe(a, "red");
            topics.subscribe(a, "blue");
            assertThat(a.closeListeners).hasSize(1);
            topics.unsubscribe(a, "red");
            assertThat(a.closeListeners).hasSize(1);
            topics.unsubscribe(a, "blue");
            assertThat(a.closeListeners).isEmpty();
        }
        assertThat(topics.topicCount()).isZero();
    }

    @Test
    void aSubscriptionIsNeverLostToATopicEmptiedAtTheSameTime() throws Exception {
        FakeMember churning = new FakeMember();
        FakeMember checked = new FakeMember();
        int rounds = 200_000;
        AtomicInteger lost = new AtomicInteger();
        Thread other = new Thread(() -> {
            for (int i = 0; i < rounds; i++) {
                topics.subscribe(churning, "t");
                topics.unsubscribe(churning, "t");
            }
        });
        other.start();
        for (int i = 0; i < rounds && other.isAlive(); i++) {
            topics.subscribe(checked, "t");
            if (!topics.isSubscribed(checked, "t")) {
                lost.incrementAndGet();
            }
            topics.unsubscribe(checked, "t");
        }
        other.join(30_000);

        assertThat(other.isAlive()).isFalse();
        assertThat(lost.get()).as("subscriptions that went to a set no longer in the registry").isZero();
    }

    @Test
    void aConnectionTogglingOneTopicFromTwoThreadsKeepsNoListenerAfterItsLastTopic() throws Exception {
        FakeMember member = new FakeMember();
        int rounds = 100_000;
        Thread other = new Thread(() -> toggle(member, "x", rounds));
        other.start();
        toggle(member, "x", rounds);
        other.join(30_000);

        assertThat(other.isAlive()).isFalse();
        assertThat(topics.topicsOf(member)).isEmpty();
        assertThat(member.closeListeners).as("listeners left after the last topic").isEmpty();
        topics.subscribe(member, "z");
        assertThat(member.closeListeners).hasSize(1);
    }

    private void toggle(FakeMember member, String topic, int rounds) {
        for (int i = 0; i < rounds; i++) {
            topics.subscribe(member, topic);
            topics.unsubscribe(member, topic);
        }
    }

    @Test
    void aPublishIsEncodedOnceForAllItsSubscribers() {
        FakeMember a = new FakeMember();
        FakeMember b = new FakeMember();
        FakeMember c = new FakeMember();
        for (FakeMember m : new FakeMember[] {a, b, c}) {
            topics.subscribe(m, "room");
        }

        topics.publish("room", "hello");
        topics.publish("room", "again");

        assertThat(a.messages).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(b.messages.get(i)).isSameAs(a.messages.get(i));
            assertThat(c.messages.get(i)).isSameAs(a.messages.get(i));
        }
        assertThat(a.messages.get(0)).isNotSameAs(a.messages.get(1));
    }

    @Test
    void underClosePolicyASlowSubscriberIsClosedOnceAndLeavesEveryTopic() {
        Topics limited = new Topics(100, OverflowPolicy.CLOSE);
        FakeMember slow = new FakeMember();
        FakeMember fast = new FakeMember();
        limited.subscribe(slow, "a");
        limited.subscribe(slow, "b");
        limited.subscribe(fast, "a");
        slow.queuedBytes = 90;

        assertThat(limited.publish("a", "x".repeat(20))).isEqualTo(1);

        assertThat(slow.isOpen()).isFalse();
        assertThat(limited.topicsOf(slow)).isEmpty();
        assertThat(limited.subscribers("b")).isEmpty();
        assertThat(limited.evicted()).isEqualTo(1);
        assertThat(fast.frames).containsExactly(22);
        assertThat(slow.frames).isEmpty();
    }

    @Test
    void underSkipPolicyASlowSubscriberMissesTheMessageAndStays() {
        Topics limited = new Topics(100, OverflowPolicy.SKIP);
        FakeMember slow = new FakeMember();
        limited.subscribe(slow, "a");
        slow.queuedBytes = 90;

        assertThat(limited.publish("a", "x".repeat(20))).isZero();
        slow.queuedBytes = 0;
        assertThat(limited.publish("a", "y")).isEqualTo(1);

        assertThat(limited.skipped()).isEqualTo(1);
        assertThat(slow.isOpen()).isTrue();
        assertThat(slow.frames).containsExactly(3);
    }

    @Test
    void aMessageLargerThanTheLimitReachesNoOneAndIsCounted() {
        Topics limited = new Topics(10, OverflowPolicy.CLOSE);
        FakeMember a = new FakeMember();
        limited.subscribe(a, "a");

        assertThat(limited.publish("a", "x".repeat(9))).isZero();

        assertThat(limited.oversized()).isEqualTo(1);
        assertThat(limited.evicted()).isZero();
        assertThat(a.isOpen()).isTrue();
    }
}
