package io.niows.bench.soak;

import java.util.Locale;

/**
 * How far a gauge may grow past its value at the end of warm-up: by a fraction of that value or by
 * a fixed amount, whichever allows more. The fraction scales with the number of connections; the
 * amount keeps a small value (a few MB of heap, a few threads) from failing on noise. Written as
 * on the command line: {@code 50%,16m}, {@code 25%} or {@code 8} (memory amounts take {@code k},
 * {@code m} or {@code g}, binary units).
 *
 * @param fraction allowed growth as a fraction of the value at the end of warm-up
 * @param amount allowed growth in the gauge's unit
 *
 * <p>Immutable; thread-safe.
 */
record Growth(double fraction, long amount) {

    /** The largest value allowed after warm-up, for a gauge that read {@code base} when it ended. */
    long limit(long base) {
        return base + Math.max(Math.round(base * fraction), amount);
    }

    static Growth parse(String text, boolean bytes) {
        double fraction = 0;
        long amount = 0;
        for (String part : text.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.endsWith("%")) {
                fraction = Double.parseDouble(p.substring(0, p.length() - 1)) / 100;
            } else {
                amount = bytes ? Gauge.parseBytes(p) : Long.parseLong(p);
            }
        }
        if (fraction < 0 || amount < 0) {
            throw new IllegalArgumentException("a growth bound cannot be negative: " + text);
        }
        return new Growth(fraction, amount);
    }

    String describe(Gauge gauge) {
        return "+" + Math.round(fraction * 100) + "% or +" + gauge.format(amount);
    }
}
