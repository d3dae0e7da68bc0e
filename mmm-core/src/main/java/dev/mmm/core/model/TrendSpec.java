package dev.mmm.core.model;

import dev.mmm.priors.Distribution;

/**
 * Piecewise-linear trend as PyMC-Marketing's {@code LinearTrend}: with time {@code s = row / (T-1)}
 * in [0, 1] and {@code changepoints} knots {@code c_j = j / (changepoints + 1)}, j = 1..n,
 * {@code trend(s) = trend_k * s + sum_j trend_delta[j] * max(0, s - c_j)}. Zero changepoints is a
 * straight line. Priors null = defaults {@code trend_k ~ Normal(0, 0.05)},
 * {@code trend_delta ~ Laplace(0, 0.25)}.
 */
public record TrendSpec(int changepoints, Distribution kPrior, Distribution deltaPrior) {

    /** Most changepoints accepted (each is a parameter; more than the rows cannot be fitted anyway). */
    public static final int MAX_CHANGEPOINTS = 500;

    public TrendSpec {
        if (changepoints < 0 || changepoints > MAX_CHANGEPOINTS) {
            throw new SpecException("trend: changepoints must be between 0 and " + MAX_CHANGEPOINTS + ", got " + changepoints);
        }
    }

    public static TrendSpec linear() {
        return new TrendSpec(0, null, null);
    }

    public static TrendSpec piecewise(int changepoints) {
        return new TrendSpec(changepoints, null, null);
    }
}
