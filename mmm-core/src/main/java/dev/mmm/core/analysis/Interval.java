package dev.mmm.core.analysis;

import java.util.Arrays;

/**
 * A posterior summary of one quantity: its mean and its 5%, 50% and 95% quantiles (R's default
 * type-7 quantiles, linear between order statistics). The JSON form is
 * {@code {"mean", "q05", "q50", "q95"}}.
 */
public record Interval(double mean, double q05, double q50, double q95) {

    /** The summary of draws (not modified); NaN everywhere if any draw is NaN or there are none. */
    public static Interval of(double[] draws) {
        return of(draws, draws.length);
    }

    /** The summary of the first {@code n} values of {@code draws} (not modified). */
    public static Interval of(double[] draws, int n) {
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = Arrays.copyOf(draws, n);
        double sum = 0.0;
        for (double v : sorted) {
            if (Double.isNaN(v)) {
                return new Interval(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            sum += v;
        }
        Arrays.sort(sorted);
        return new Interval(sum / n, quantile(sorted, 0.05), quantile(sorted, 0.50), quantile(sorted, 0.95));
    }

    /** Type-7 quantile of sorted values. */
    public static double quantile(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 1) {
            return sorted[0];
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        double lower = sorted[lo];
        double upper = sorted[hi];
        if (lower == upper) {
            return lower;
        }
        return lower + (h - lo) * (upper - lower);
    }

    /** Whether {@code value} lies in [q05, q95]. */
    public boolean covers(double value) {
        return value >= q05 && value <= q95;
    }
}
