package io.niows.internal.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Only whole arrays the pool lent come back, only large ones, only of sizes asked for more than
 * once lately, and never more than its bound.
 */
class RecycledArraysTest {

    private static final int LARGE = RecycledArrays.MIN_SIZE;

    private final RecycledArrays arrays = new RecycledArrays();

    @Test
    void aLentArrayGivenBackCarriesTheNextMessageOfItsSize() {
        arrays.apply(LARGE);
        ByteBuffer first = arrays.apply(LARGE);
        arrays.giveBack(first);
        ByteBuffer second = arrays.apply(LARGE);
        assertThat(second.array()).isSameAs(first.array());
        assertThat(second.position()).isZero();
        assertThat(second.limit()).isEqualTo(LARGE);
        assertThat(arrays.apply(LARGE).array()).as("lent already").isNotSameAs(first.array());
    }

    @Test
    void anArrayOfASizeAskedForOnceIsNotKept() {
        for (int i = 0; i < 100; i++) {
            arrays.giveBack(arrays.apply(LARGE + i));
        }
        assertThat(arrays.keptBytes()).isZero();
    }

    @Test
    void anArrayOfAnotherSizeIsNotUsed() {
        arrays.apply(LARGE);
        arrays.giveBack(arrays.apply(LARGE));
        assertThat(arrays.apply(LARGE + 1).array()).hasSize(LARGE + 1);
        assertThat(arrays.keptBytes()).isEqualTo(LARGE);
    }

    @Test
    void anArrayThePoolDidNotLendIsLeftAlone() {
        arrays.apply(LARGE);
        arrays.apply(LARGE);
        arrays.giveBack(ByteBuffer.wrap(new byte[LARGE]));
        assertThat(arrays.keptBytes()).isZero();
    }

    @Test
    void aBufferViewingPartOfAnArrayIsLeftAlone() {
        arrays.apply(2 * LARGE);
        ByteBuffer lent = arrays.apply(2 * LARGE);
        arrays.giveBack(lent.position(LARGE).slice());
        assertThat(arrays.keptBytes()).isZero();
    }

    @Test
    void anArrayGivenBackTwiceIsKeptOnce() {
        arrays.apply(LARGE);
        ByteBuffer lent = arrays.apply(LARGE);
        arrays.giveBack(lent);
        arrays.giveBack(lent);
        assertThat(arrays.keptBytes()).isEqualTo(LARGE);
    }

    @Test
    void smallBuffersAreNeverKept() {
        ByteBuffer small = arrays.apply(LARGE - 1);
        arrays.giveBack(small);
        assertThat(arrays.keptBytes()).isZero();
    }

    @Test
    void atMostTheBoundIsKept() {
        int size = 1 << 20;
        int lent = (int) (RecycledArrays.MAX_KEPT_BYTES / size) + 3;
        ByteBuffer[] buffers = new ByteBuffer[lent];
        for (int i = 0; i < lent; i++) {
            buffers[i] = arrays.apply(size);
        }
        for (ByteBuffer b : buffers) {
            arrays.giveBack(b);
        }
        assertThat(arrays.keptBytes()).isEqualTo(RecycledArrays.MAX_KEPT_BYTES);
    }
}
