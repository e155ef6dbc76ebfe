package org.raporto.stats;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.raporto.stats.Figures.Count;

/**
 * How many of a period's times fall in each bucket ({@code stats_duration_bucket}: buckets never go down as times go
 * up), enough to say where the time of a given rank in the sorted times lies, and the arithmetic of
 * {@code percentile_cont}, so that a percentile found through the buckets is the very number PostgreSQL gives.
 *
 * @param size how many times there are
 */
record Histogram(NavigableMap<Integer, Long> counts, long size) {

    /** The median and the 90th percentile, as the dashboard shows them. */
    static final double[] PERCENTILES = {0.5, 0.9};

    /** From counts keyed by bucket number. */
    static Histogram of(List<Count> byBucket) {
        NavigableMap<Integer, Long> counts = new TreeMap<>();
        byBucket.forEach(count -> counts.merge(Integer.valueOf(count.key()), count.reports(), Long::sum));
        return new Histogram(counts, counts.values().stream().mapToLong(Long::longValue).sum());
    }

    /** Where the time of the given rank (0 the shortest) lies: its bucket and its rank among that bucket's times. */
    record Place(int bucket, long offset) {
    }

    /**
     * @throws IllegalArgumentException when there is no such rank
     */
    Place place(long rank) {
        long before = 0;
        for (Map.Entry<Integer, Long> bucket : counts.entrySet()) {
            if (rank < before + bucket.getValue()) {
                return new Place(bucket.getKey(), rank - before);
            }
            before += bucket.getValue();
        }
        throw new IllegalArgumentException("No rank " + rank + " among " + size + " times");
    }

    /** The ranks between which the percentile of n times lies (the same one twice when it lies on one); none for none. */
    static long[] neighbours(double percentile, long n) {
        if (n == 0) {
            return new long[0];
        }
        double position = percentile * (n - 1);
        return new long[] {(long) Math.floor(position), (long) Math.ceil(position)};
    }

    /** As PostgreSQL's percentile_cont: the value at position p·(n−1), the same operations in the same order. */
    static double interpolate(double percentile, long n, double low, double high) {
        double position = percentile * (n - 1);
        long first = (long) Math.floor(position);
        if ((long) Math.ceil(position) == first) {
            return low;
        }
        return low + (position - first) * (high - low);
    }
}
