package dev.mmm.sampler;

/** The Euclidean metric (inverse mass matrix) the sampler adapts during warm-up. */
public enum Metric {
    /** Stan's default: diagonal, from the regularised variance of warm-up draws. */
    DIAGONAL,
    /** Full covariance of warm-up draws, regularised; for strongly correlated posteriors. */
    DENSE,
    /**
     * Dense, from the warm-up draws' covariance with its correlations shrunk towards zero by the
     * Ledoit-Wolf amount ({@link dev.mmm.sampler.adapt.ShrunkCovarianceEstimator}): keeps the
     * correlations a window can resolve and drops the noise. On the race data it keeps the dense
     * metric's halved sampling cost with a third to a sixth of {@link #DENSE}'s divergences on the
     * seeds where dense fails, but still more than {@link #DIAGONAL} on some (BENCHMARKS.md), so
     * it is opt-in.
     */
    DENSE_SHRUNK,
    /** nutpie's diagonal, sqrt(var(draws) / var(gradients)), on Stan's window schedule. */
    DIAGONAL_GRADIENT,
    /** Identity, never adapted; only the step size is tuned. */
    UNIT
}
