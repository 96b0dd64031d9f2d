package io.niows.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AxisScaleTest {

    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(AxisScale.roundStep(0.23)).isEqualTo(0.5);
        assertThat(AxisScale.roundStep(1.5)).isEqualTo(2.0);
        assertThat(AxisScale.roundStep(7)).isEqualTo(10.0);
        assertThat(AxisScale.roundStep(2000)).isEqualTo(2000.0);
    }

    @Test
    void theRangeHoldsEveryValueAndZeroOnTicks() {
        AxisScale s = AxisScale.of(1.0, 0.52, 7.39, Double.NaN);
        assertThat(s.lo()).isZero();
        assertThat(s.hi()).isGreaterThanOrEqualTo(7.39);
        assertThat(s.ticks()).first().isEqualTo(0.0);
        assertThat(s.ticks()).last().isEqualTo(s.hi());
        assertThat(s.ticks()).hasSizeBetween(3, 11);
        assertThat(s.label(2.0)).isEqualTo("2");
        assertThat(AxisScale.of(0.4, 1.2).label(0.2)).isEqualTo("0.2");
    }

    @Test
    void negativeValuesPutZeroInsideTheRange() {
        AxisScale s = AxisScale.of(-440, 8247, 1389);
        assertThat(s.lo()).isLessThanOrEqualTo(-440);
        assertThat(s.ticks()).contains(0.0);
        int zero = s.y(0, 100, 200);
        assertThat(s.y(-440, 100, 200)).isGreaterThan(zero);
        assertThat(s.y(8247, 100, 200)).isLessThan(zero).isGreaterThanOrEqualTo(100);
        assertThat(s.y(s.lo(), 100, 200)).isEqualTo(300);
    }

    @Test
    void noFiniteValueStillGivesAnAxis() {
        AxisScale s = AxisScale.of(Double.NaN);
        assertThat(s.lo()).isZero();
        assertThat(s.hi()).isEqualTo(1.0);
    }
}
