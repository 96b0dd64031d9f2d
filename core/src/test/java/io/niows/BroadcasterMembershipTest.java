package io.niows;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Joining and leaving, without sockets: what a connection keeps of a {@link Broadcaster} after it
 * left. A close listener cannot be withdrawn from a connection, so the broadcaster must not add
 * one per join.
 */
class BroadcasterMembershipTest {

    private final Broadcaster room = new Broadcaster();

    @Test
    void aConnectionThatJoinsAndLeavesAThousandTimesHoldsOneCloseListener() {
        FakeMember member = new FakeMember();

        for (int i = 0; i < 1000; i++) {
            assertThat(room.add(member)).isTrue();
            assertThat(room.remove(member)).isTrue();
        }

        assertThat(member.closeListeners).hasSize(1);
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
}
