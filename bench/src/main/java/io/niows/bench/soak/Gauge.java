package io.niows.bench.soak;

import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The server gauges the soak bounds, in the order its report prints them.
 *
 * <p>Immutable; thread-safe.
 */
enum Gauge {
    RSS("RSS", true, ServerSample::rss),
    HEAP("live heap", true, ServerSample::heap),
    FDS("open fds", false, ServerSample::fds),
    THREADS("threads", false, ServerSample::threads);

    private static final long MIB = 1024 * 1024;

    private final String label;
    private final boolean bytes;
    private final ToLongFunction<ServerSample> reading;

    Gauge(String label, boolean bytes, ToLongFunction<ServerSample> reading) {
        this.label = label;
        this.bytes = bytes;
        this.reading = reading;
    }

    String label() {
        return label;
    }

    boolean bytes() {
        return bytes;
    }

    long of(ServerSample sample) {
        return reading.applyAsLong(sample);
    }

    /** A value of this gauge for people: MiB with one decimal for memory, a plain count otherwise. */
    String format(long value) {
        return bytes ? String.format(Locale.ROOT, "%.1f MiB", value / (double) MIB) : Long.toString(value);
    }

    /** {@code 512}, {@code 64k}, {@code 16m}, {@code 1g}: bytes, binary units. */
    static long parseBytes(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        char unit = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        int shift = unit == 'k' ? 10 : unit == 'm' ? 20 : unit == 'g' ? 30 : 0;
        String digits = shift == 0 ? t : t.substring(0, t.length() - 1);
        return Long.parseLong(digits) << shift;
    }
}
