package dev.mmm.core.optimize;

import dev.mmm.sampler.diagnostics.Diagnostics;

/**
 * A posterior summary of one quantity: its mean and its 5%, 50% and 95% quantiles (R's type 7,
 * as {@code posterior::quantile2}), over draws.
 */
public record Interval(double mean, double q05, double q50, double q95) {

    /** The summary of the given draws (not modified). */
    public static Interval of(double[] draws) {
        if (draws.length == 0) {
            throw new IllegalArgumentException("an interval needs at least one draw");
        }
        double[][] pooled = {draws};
        return new Interval(Diagnostics.mean(pooled), Diagnostics.quantile(pooled, 0.05),
                Diagnostics.quantile(pooled, 0.5), Diagnostics.quantile(pooled, 0.95));
    }

    /** Every value divided by {@code d} (totals of a window to amounts per period). */
    public Interval dividedBy(double d) {
        return new Interval(mean / d, q05 / d, q50 / d, q95 / d);
    }
}
