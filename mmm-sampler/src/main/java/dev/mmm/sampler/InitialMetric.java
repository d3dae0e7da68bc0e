package dev.mmm.sampler;

/**
 * The diagonal metric a chain starts its warm-up with, before the first slow window closes.
 * Applies to {@link Metric#DIAGONAL} and {@link Metric#DIAGONAL_GRADIENT}; ignored by the others.
 */
public enum InitialMetric {
    /** Stan's: the identity until the first slow window ends (iteration 100 of a 1000-iteration warm-up). */
    UNIT,
    /** nutpie's: M⁻¹_i = 1/|g_i| from the gradient at the initial point, clipped. */
    GRADIENT,
    /**
     * {@link #GRADIENT}, then re-estimated once inside the initial fast buffer from the draws and
     * gradients seen so far (sqrt(Var q / Var g), nutpie's estimator), once the step size has settled.
     */
    GRADIENT_REFRESHED
}
