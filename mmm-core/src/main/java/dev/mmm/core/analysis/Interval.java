package dev.mmm.core.analysis;

import dev.mmm.sampler.diagnostics.Diagnostics;
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

    /** The summary of the first {@code n} values of {@code draws} (not modified); one sort for the three quantiles. */
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
        return new Interval(sum / n, Diagnostics.quantileOfSorted(sorted, 0.05),
                Diagnostics.quantileOfSorted(sorted, 0.50), Diagnostics.quantileOfSorted(sorted, 0.95));
    }

    /** Every value divided by {@code d} (totals of a window to amounts per period). */
    public Interval dividedBy(double d) {
        return new Interval(mean / d, q05 / d, q50 / d, q95 / d);
    }

    /** Whether {@code value} lies in [q05, q95]. */
    public boolean covers(double value) {
        return value >= q05 && value <= q95;
    }
}
