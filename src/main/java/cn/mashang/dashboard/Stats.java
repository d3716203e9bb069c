package cn.mashang.dashboard;

import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;

/** Small, exact statistics used by the dashboards (see {@link StationDashboards} for the definitions). */
final class Stats {
    /** z for a two-sided 95% interval. */
    static final double Z95 = 1.959963984540054;

    private Stats() {
    }

    /** successes ÷ n, or null when n = 0. */
    static Double rate(long successes, long n) {
        return n == 0 ? null : (double) successes / n;
    }

    /** Nearest-rank percentile (p in (0,1]): the value at rank ⌈p·n⌉ of the sorted values; null when empty. */
    static Double nearestRank(List<Double> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }

    /** Nearest-rank percentile over a histogram bucket → count; answers the bucket key. */
    static Integer nearestRank(NavigableMap<Integer, Long> histogram, double p) {
        long n = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p * n));
        long seen = 0;
        for (var e : histogram.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return histogram.lastKey();
    }

    /** Wilson score interval (95%) of successes out of n; null when n = 0. */
    static double[] wilson(long successes, long n) {
        if (n == 0) {
            return null;
        }
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        return new double[]{Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** Rounds to 4 decimals (rates) for the JSON. */
    static Double r4(Double v) {
        return v == null ? null : Math.round(v * 10000) / 10000.0;
    }

    /** Rounds to 2 decimals (working days). */
    static Double r2(Double v) {
        return v == null ? null : Math.round(v * 100) / 100.0;
    }
}
