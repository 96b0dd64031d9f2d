package io.niows;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The backoff of {@link Reconnecting}: doubling from the initial wait, capped, jittered within [half, all]. */
class ReconnectingBackoffTest {

    @Test
    void doublesEachAttemptUpToTheCap() {
        long[] highest = new long[8];
        for (int attempt = 1; attempt <= 8; attempt++) {
            highest[attempt - 1] = Reconnecting.delayMillis(attempt, 100, 3_000, 0.999_999);
        }
        assertThat(highest).containsExactly(99, 199, 399, 799, 1599, 2999, 2999, 2999);
    }

    @Test
    void jitterPicksBetweenHalfAndAllOfTheBound() {
        assertThat(Reconnecting.delayMillis(3, 100, 3_000, 0.0)).isEqualTo(200);
        assertThat(Reconnecting.delayMillis(3, 100, 3_000, 0.5)).isEqualTo(300);
        assertThat(Reconnecting.delayMillis(40, 100, 3_000, 0.0)).as("no overflow far past the cap").isEqualTo(1_500);
    }
}
