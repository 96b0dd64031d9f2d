package io.niows.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogHistogramTest {

    @Test
    void emptyHistogramReportsZero() {
        LogHistogram h = new LogHistogram();
        assertThat(h.count()).isZero();
        assertThat(h.percentile(0.99)).isZero();
    }

    @Test
    void smallValuesAreExact() {
        LogHistogram h = new LogHistogram();
        for (int v = 0; v < 32; v++) {
            h.record(v);
        }
        assertThat(h.percentile(0.5)).isEqualTo(15);
        assertThat(h.percentile(1.0)).isEqualTo(31);
    }

    @Test
    void bucketsAreContiguousAndCoverEveryLong() {
        for (int i = 1; i < LogHistogram.index(Long.MAX_VALUE) + 1; i++) {
            assertThat(LogHistogram.lowerBound(i))
                    .as("bucket %d", i)
                    .isEqualTo(LogHistogram.lowerBound(i - 1) + LogHistogram.bucketWidth(i - 1));
        }
        for (long v : new long[] {0, 31, 32, 63, 64, 65, 1000, 123_456_789, Long.MAX_VALUE}) {
            int i = LogHistogram.index(v);
            assertThat(v).isBetween(LogHistogram.lowerBound(i), LogHistogram.lowerBound(i) + LogHistogram.bucketWidth(i) - 1);
        }
    }

    @Test
    void percentilesOfAUniformRangeAreWithinThreePercent() {
        LogHistogram h = new LogHistogram();
        for (long v = 1; v <= 1_000_000; v++) {
            h.record(v * 10);
        }
        assertThat((double) h.percentile(0.5)).isCloseTo(5_000_000, within(150_000.0));
        assertThat((double) h.percentile(0.99)).isCloseTo(9_900_000, within(300_000.0));
        assertThat((double) h.percentile(0.999)).isCloseTo(9_990_000, within(300_000.0));
        assertThat(h.max()).isEqualTo(10_000_000);
    }

    @Test
    void mergingAddsCountsAndKeepsTheLargestMax() {
        LogHistogram a = new LogHistogram();
        LogHistogram b = new LogHistogram();
        a.record(100);
        b.record(5000);
        b.record(-3);
        a.add(b);
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.max()).isEqualTo(5000);
        assertThat(a.percentile(0.0)).isZero();
    }
}
