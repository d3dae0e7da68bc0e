package dev.mmm.sampler.diagnostics;

/**
 * Posterior summary and convergence diagnostics of one scalar quantity, as the R package
 * {@code posterior} computes them. Diagnostics that cannot be computed (constant draws,
 * non-finite draws, chains shorter than 4 draws) are NaN.
 *
 * @param q05 5% quantile (R type 7 over the pooled draws)
 * @param q50 median
 * @param q95 95% quantile
 * @param rhat rank-normalised split R-hat, the larger of bulk and folded
 * @param mcseMean Monte Carlo standard error of the mean
 * @param mcseSd Monte Carlo standard error of the standard deviation
 */
public record ParameterSummary(String name, double mean, double sd, double q05, double q50,
        double q95, double rhat, double essBulk, double essTail, double mcseMean, double mcseSd) {
}
