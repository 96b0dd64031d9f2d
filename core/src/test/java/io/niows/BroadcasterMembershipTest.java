package io.niows;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Membership without sockets: what a connection keeps of a {@link Broadcaster} after it left
 * (nothing: its close listener goes with it), and a message larger than the per-member limit.
 */
class BroadcasterMembershipTest {

    private final Broadcaster room = new Broadcaster();

    @Test
    void aConnectionThatJoinsAndLeavesAThousandTimesKeepsNothingOfTheRoom() {
        FakeMember member = new FakeMember();

        for (int i = 0; i < 1000; i++) {
            assertThat(room.add(member)).isTrue();
            assertThat(member.closeListeners).hasSize(1);
            assertThat(room.remove(member)).isTrue();
        }

        assertThat(member.closeListeners).isEmpty();
        assertThat(room.size()).isZero();
    }

    @Test
    void aConnectionThatLeftAndCameBackStillLeavesWhenItCloses() {
        FakeMember member = new FakeMember();
        FakeMember other = new FakeMember();
        room.add(member);
        room.add(other);
        room.remove(member);
        room.add(member);

        member.closeNow();

        assertThat(room.contains(member)).isFalse();
        assertThat(room.members()).containsExactly(other);
        assertThat(room.add(member)).as("a closed connection cannot join").isFalse();
    }

    @Test
    void eachBroadcasterAConnectionJoinsHoldsItsOwnListener() {
        Broadcaster topic = new Broadcaster();
        FakeMember member = new FakeMember();
        for (int i = 0; i < 10; i++) {
            room.add(member);
            topic.add(member);
            room.remove(member);
            topic.remove(member);
        }
        room.add(member);
        topic.add(member);

        assertThat(member.closeListeners).hasSize(2);
        member.closeNow();
        assertThat(room.size()).isZero();
        assertThat(topic.size()).isZero();
    }

    @Test
    void aFrameAsLargeAsTheLimitIsSentAndOneByteMoreIsRefusedForEveryMember() {
        Broadcaster small = new Broadcaster(1000, Broadcaster.OverflowPolicy.CLOSE);
        FakeMember a = new FakeMember();
        FakeMember b = new FakeMember();
        small.add(a);
        small.add(b);

        // A payload of 126 to 65535 bytes takes a 4-byte header.
        assertThat(small.broadcast("x".repeat(996))).isEqualTo(2);
        assertThat(small.broadcast("x".repeat(997))).isZero();

        assertThat(a.frames).containsExactly(1000);
        assertThat(b.frames).containsExactly(1000);
        assertThat(small.oversized()).isEqualTo(1);
        assertThat(small.evicted()).isZero();
        assertThat(a.isOpen()).isTrue();
        assertThat(b.isOpen()).isTrue();
    }
}
