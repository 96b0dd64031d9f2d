package io.niows.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A chart's value axis: a range that holds every value and zero, cut into ticks at a round step
 * (1, 2 or 5 times a power of ten), and the mapping from a value to a y pixel.
 *
 * <p>Immutable and thread-safe.
 */
record AxisScale(double lo, double hi, double step) {

    /** About this many tick intervals between the lowest and highest value. */
    private static final int INTERVALS = 5;
    /** Room above the highest bar (and below the lowest) for its value label. */
    private static final double HEADROOM = 1.05;

    /** The scale for these values; NaN and infinite values are ignored, and zero is always in range. */
    static AxisScale of(double... values) {
        double min = 0;
        double max = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v * HEADROOM);
                max = Math.max(max, v * HEADROOM);
            }
        }
        if (max == min) {
            max = 1;
        }
        double step = roundStep((max - min) / INTERVALS);
        return new AxisScale(Math.floor(min / step) * step, Math.ceil(max / step) * step, step);
    }

    /** The smallest of 1, 2, 5 times a power of ten that is at least {@code raw}. */
    static double roundStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / power;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
    }

    /** The tick values from {@link #lo} to {@link #hi}, zero among them. */
    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long n = Math.round((hi - lo) / step);
        for (long k = 0; k <= n; k++) {
            double t = lo + k * step;
            ticks.add(Math.abs(t) < step / 2 ? 0.0 : t);
        }
        return ticks;
    }

    /** The y pixel of {@code v} in a plot whose top edge is at {@code top}, {@code height} pixels tall. */
    int y(double v, int top, int height) {
        return top + (int) Math.round((hi - v) / (hi - lo) * height);
    }

    /** A tick's label, with as many decimals as the step needs. */
    String label(double t) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step)));
        return String.format(Locale.ROOT, "%." + decimals + "f", t);
    }
}
