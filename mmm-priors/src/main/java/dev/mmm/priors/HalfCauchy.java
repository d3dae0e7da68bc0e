package dev.mmm.priors;

import org.apache.commons.rng.UniformRandomProvider;

/** HalfCauchy(beta = scale): |Cauchy(0, beta)| on [0, inf). */
public final class HalfCauchy extends ParametricDistribution {

    public static final String NAME = "HalfCauchy";
    private static final String[] FIELDS = {"beta"};

    private final double beta;
    private final double logNormaliser;

    public HalfCauchy(double beta) {
        super(NAME, FIELDS, Check.positive(NAME, "beta", beta));
        this.beta = beta;
        this.logNormaliser = Numerics.LN_2 - Numerics.LN_PI - Math.log(beta);
    }

    public double beta() {
        return beta;
    }

    @Override
    public Support support() {
        return Support.POSITIVE;
    }

    @Override
    public double logDensity(double x) {
        if (!(x >= 0.0) || x == Double.POSITIVE_INFINITY) {
            return Double.isNaN(x) ? Double.NaN : Double.NEGATIVE_INFINITY;
        }
        return logNormaliser - Cauchy.log1pSquare(x / beta);
    }

    @Override
    public double dLogDensity(double x) {
        double z = x / beta;
        return -2.0 * z / (beta * (1.0 + z * z));
    }

    @Override
    public void dLogDensityDParameters(double x, double[] out) {
        double z2 = (x / beta) * (x / beta);
        out[0] = (2.0 * z2 / (1.0 + z2) - 1.0) / beta;
    }

    @Override
    public double cdf(double x) {
        if (x <= 0.0) {
            return 0.0;
        }
        double z = x / beta;
        return z > 1.0 ? 1.0 - 2.0 * Math.atan(1.0 / z) / Math.PI : 2.0 * Math.atan(z) / Math.PI;
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return beta * Math.tan(0.5 * Math.PI * Numerics.openUnit(rng));
    }

    /** Infinite. */
    @Override
    public double mean() {
        return Double.POSITIVE_INFINITY;
    }

    /** Infinite. */
    @Override
    public double variance() {
        return Double.POSITIVE_INFINITY;
    }
}
