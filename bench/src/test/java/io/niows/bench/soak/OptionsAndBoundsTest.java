package io.niows.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsAndBoundsTest {

    @Test
    void aBoundAllowsTheLargerOfItsFractionAndItsAmount() {
        Growth g = Growth.parse("50%,16m", true);
        assertThat(g.limit(10L << 20)).isEqualTo(26L << 20);
        assertThat(g.limit(100L << 20)).isEqualTo(150L << 20);
        assertThat(Growth.parse("25%", false).limit(200)).isEqualTo(250);
        assertThat(Growth.parse("8", false).limit(20)).isEqualTo(28);
        assertThat(Growth.parse("0", false).limit(20)).isEqualTo(20);
    }

    @Test
    void durationsTakeTheUnitsTheReportPrints() {
        assertThat(SoakOptions.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(SoakOptions.duration("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(SoakOptions.duration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(SoakOptions.duration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(SoakOptions.duration("90")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> SoakOptions.duration("5x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCommandLineSetsEveryBound() {
        SoakOptions o = SoakOptions.parse("--rss-growth", "5%,8m", "--heap-growth", "1g", "--fd-growth", "10",
                "--thread-growth", "50%");
        assertThat(o.bounds.get(Gauge.RSS)).isEqualTo(new Growth(0.05, 8L << 20));
        assertThat(o.bounds.get(Gauge.HEAP)).isEqualTo(new Growth(0, 1L << 30));
        assertThat(o.bounds.get(Gauge.FDS)).isEqualTo(new Growth(0, 10));
        assertThat(o.bounds.get(Gauge.THREADS)).isEqualTo(new Growth(0.5, 0));
    }

    @Test
    void aWarmUpThatOutlastsTheRunIsRefused() {
        assertThatThrownBy(() -> SoakOptions.parse("--duration", "1m", "--warmup", "1m"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warm-up");
        assertThatThrownBy(() -> SoakOptions.parse("--connections"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing value");
        assertThatThrownBy(() -> SoakOptions.parse("--bogus", "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option");
    }
}
