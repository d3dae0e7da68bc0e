package dev.mmm.report.view;

/**
 * A posterior summary of one number: its mean and its central 90% interval.
 *
 * @param mean posterior mean
 * @param q05  5% quantile
 * @param q95  95% quantile
 */
public record Estimate(double mean, double q05, double q95) {
    /** Checks that every value is finite and {@code q05 <= q95}. */
    public Estimate {
        Checks.finite(mean, "Estimate.mean");
        Checks.finite(q05, "Estimate.q05");
        Checks.finite(q95, "Estimate.q95");
        Checks.ordered(q05, q95, "Estimate");
    }
}
