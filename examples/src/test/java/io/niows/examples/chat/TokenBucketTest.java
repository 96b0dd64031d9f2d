package io.niows.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void allowsABurstThenOnePerInterval() {
        TokenBucket bucket = new TokenBucket(3, 100, 0);

        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isFalse();
        assertThat(bucket.tryTake(99)).isFalse();
        assertThat(bucket.tryTake(100)).isTrue();
        assertThat(bucket.tryTake(150)).isFalse();
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, 100, 0);
        bucket.tryTake(0);

        long later = 1_000_000;
        assertThat(bucket.tryTake(later)).isTrue();
        assertThat(bucket.tryTake(later)).isTrue();
        assertThat(bucket.tryTake(later)).isFalse();
    }

    @Test
    void aClockThatStepsBackGainsNothing() {
        TokenBucket bucket = new TokenBucket(1, 100, 1000);
        assertThat(bucket.tryTake(1000)).isTrue();

        assertThat(bucket.tryTake(0)).isFalse();
        assertThat(bucket.tryTake(1099)).isFalse();
        assertThat(bucket.tryTake(1100)).isTrue();
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new TokenBucket(0, 100, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
