package dev.mmm.sampler;

/**
 * The diagonal metric a chain starts its warm-up with, before Stan's first slow window closes
 * (iteration 100 of a 1000-iteration warm-up). The slow windows themselves are unchanged.
 * Applies to {@link Metric#DIAGONAL} and {@link Metric#DIAGONAL_GRADIENT} (which always starts
 * from the gradient); ignored by the others and when the warm-up is too short to adapt the metric.
 */
public enum InitialMetric {
    /** Stan's: the identity until the first slow window ends; the default. */
    UNIT,
    /** nutpie's: M⁻¹_i = 1/|g_i| from the gradient at the initial point. */
    GRADIENT,
    /**
     * {@link #GRADIENT}, then re-estimated five times inside the initial fast buffer with nutpie's
     * sqrt(Var q / Var g) over short spans of draws (see
     * {@link dev.mmm.sampler.adapt.EarlyDiagonalRefresh}). On the race model (T=156, 6 channels,
     * 26 parameters) it cuts warm-up gradients per chain by 25-35% and raises the median min
     * bulk-ESS per gradient, but over 16 seeds one chain in 64 got stuck in sampling (Stan's
     * start: none), so it is opt-in. With the centred intercept the same start halves a fit's
     * gradients with no divergence or stuck chain in 16 seeds (BENCHMARKS.md, "Adaptation").
     */
    GRADIENT_REFRESHED
}
