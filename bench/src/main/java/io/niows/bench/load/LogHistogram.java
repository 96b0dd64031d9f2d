package io.niows.bench.load;

/**
 * A log-bucket histogram of non-negative {@code long} values (nanoseconds here): each power of two
 * is split into {@value #SUB_BUCKETS} equal buckets, so a reported percentile is within about 3% of
 * the true value, over the whole {@code long} range, in a fixed array of about 15 KiB.
 *
 * <p>Not thread-safe: each load thread owns one and the runner {@linkplain #add merges} them after
 * the threads have ended.
 */
public final class LogHistogram {

    private static final int SUB_BITS = 5;
    static final int SUB_BUCKETS = 1 << SUB_BITS;
    private static final int BUCKETS = (64 - SUB_BITS + 1) * SUB_BUCKETS;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long max;

    /** Records one value; negative values count as zero. */
    public void record(long value) {
        long v = Math.max(0, value);
        counts[index(v)]++;
        total++;
        if (v > max) {
            max = v;
        }
    }

    /** Adds every value recorded by {@code other} to this histogram. */
    public void add(LogHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        max = Math.max(max, other.max);
    }

    /** How many values were recorded. */
    public long count() {
        return total;
    }

    /** The largest value recorded, exactly; 0 when empty. */
    public long max() {
        return max;
    }

    /**
     * The value at quantile {@code q} (0..1): the middle of the bucket holding the value of that
     * rank, never above {@link #max()}; 0 when empty.
     */
    public long percentile(double q) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                long low = lowerBound(i);
                long mid = low + (bucketWidth(i) - 1) / 2;
                return Math.min(mid, max);
            }
        }
        return max;
    }

    static int index(long v) {
        if (v < SUB_BUCKETS) {
            return (int) v;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(v);
        int shift = exponent - SUB_BITS;
        return (shift + 1) * SUB_BUCKETS + (int) ((v >>> shift) - SUB_BUCKETS);
    }

    static long lowerBound(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int shift = index / SUB_BUCKETS - 1;
        long mantissa = index % SUB_BUCKETS + SUB_BUCKETS;
        return mantissa << shift;
    }

    static long bucketWidth(int index) {
        return index < 2 * SUB_BUCKETS ? 1 : 1L << (index / SUB_BUCKETS - 1);
    }
}
