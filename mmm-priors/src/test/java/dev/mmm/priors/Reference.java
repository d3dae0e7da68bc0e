package dev.mmm.priors;

import org.apache.commons.statistics.distribution.ContinuousDistribution;

/** A trusted implementation (Commons Statistics or a closed form) to check ours against. */
interface Reference {

    double logDensity(double x);

    double cdf(double x);

    double quantile(double p);

    static Reference of(ContinuousDistribution d) {
        return new Reference() {
            @Override
            public double logDensity(double x) {
                return d.logDensity(x);
            }

            @Override
            public double cdf(double x) {
                return d.cumulativeProbability(x);
            }

            @Override
            public double quantile(double p) {
                return d.inverseCumulativeProbability(p);
            }
        };
    }

    /** The half (folded at 0) version of a distribution symmetric about 0: twice its density on [0, inf). */
    static Reference half(ContinuousDistribution symmetric) {
        return new Reference() {
            @Override
            public double logDensity(double x) {
                return x < 0 ? Double.NEGATIVE_INFINITY : Math.log(2) + symmetric.logDensity(x);
            }

            @Override
            public double cdf(double x) {
                return x <= 0 ? 0 : 1 - 2 * symmetric.survivalProbability(x);
            }

            @Override
            public double quantile(double p) {
                return symmetric.inverseSurvivalProbability((1 - p) / 2);
            }
        };
    }
}
