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

    /** mu + sigma T for a standard distribution T. */
    static Reference locationScale(ContinuousDistribution standard, double mu, double sigma) {
        return new Reference() {
            @Override
            public double logDensity(double x) {
                return standard.logDensity((x - mu) / sigma) - Math.log(sigma);
            }

            @Override
            public double cdf(double x) {
                return standard.cumulativeProbability((x - mu) / sigma);
            }

            @Override
            public double quantile(double p) {
                return mu + sigma * standard.inverseCumulativeProbability(p);
            }
        };
    }

    /** 1 / Y for Y from {@code d} on (0, inf): density f(1/x) / x^2. */
    static Reference inverseOf(ContinuousDistribution d) {
        return new Reference() {
            @Override
            public double logDensity(double x) {
                return x <= 0 ? Double.NEGATIVE_INFINITY : d.logDensity(1 / x) - 2 * Math.log(x);
            }

            @Override
            public double cdf(double x) {
                return x <= 0 ? 0 : d.survivalProbability(1 / x);
            }

            @Override
            public double quantile(double p) {
                return 1 / d.inverseSurvivalProbability(p);
            }
        };
    }

    /** sigma |T| for T from a distribution symmetric about 0. */
    static Reference half(ContinuousDistribution symmetric, double sigma) {
        Reference standard = half(symmetric);
        return new Reference() {
            @Override
            public double logDensity(double x) {
                return standard.logDensity(x / sigma) - Math.log(sigma);
            }

            @Override
            public double cdf(double x) {
                return standard.cdf(x / sigma);
            }

            @Override
            public double quantile(double p) {
                return sigma * standard.quantile(p);
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
