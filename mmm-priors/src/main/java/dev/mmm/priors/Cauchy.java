package dev.mmm.priors;

import org.apache.commons.rng.UniformRandomProvider;

/** Cauchy(alpha = location, beta = scale), as PyMC names them. */
public final class Cauchy extends ParametricDistribution {

    public static final String NAME = "Cauchy";
    private static final String[] FIELDS = {"alpha", "beta"};

    private final double alpha;
    private final double beta;
    private final double logNormaliser;

    public Cauchy(double alpha, double beta) {
        super(NAME, FIELDS, Check.finite(NAME, "alpha", alpha), Check.positive(NAME, "beta", beta));
        this.alpha = alpha;
        this.beta = beta;
        this.logNormaliser = -Numerics.LN_PI - Math.log(beta);
    }

    public double alpha() {
        return alpha;
    }

    public double beta() {
        return beta;
    }

    /** log(1 + z^2) without overflow for huge z. */
    static double log1pSquare(double z) {
        return Math.abs(z) > 1e150 ? 2.0 * Math.log(Math.abs(z)) : Math.log1p(z * z);
    }

    /** P(C <= z) for a standard Cauchy, accurate in both tails. */
    static double standardCdf(double z) {
        if (z < -1.0) {
            return -Math.atan(1.0 / z) / Math.PI;
        }
        if (z > 1.0) {
            return 1.0 - Math.atan(1.0 / z) / Math.PI;
        }
        return 0.5 + Math.atan(z) / Math.PI;
    }

    @Override
    public Support support() {
        return Support.REAL;
    }

    @Override
    public double logDensity(double x) {
        if (Double.isInfinite(x)) {
            return Double.NEGATIVE_INFINITY;
        }
        return logNormaliser - log1pSquare((x - alpha) / beta);
    }

    @Override
    public double dLogDensity(double x) {
        double z = (x - alpha) / beta;
        return -2.0 * z / (beta * (1.0 + z * z));
    }

    @Override
    public void dLogDensityDParameters(double x, double[] out) {
        double z = (x - alpha) / beta;
        double z2 = z * z;
        out[0] = 2.0 * z / (beta * (1.0 + z2));
        out[1] = (2.0 * z2 / (1.0 + z2) - 1.0) / beta;
    }

    @Override
    public double cdf(double x) {
        return standardCdf((x - alpha) / beta);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return alpha + beta * Math.tan(Math.PI * (Numerics.openUnit(rng) - 0.5));
    }

    /** Undefined: NaN. */
    @Override
    public double mean() {
        return Double.NaN;
    }

    /** Undefined: NaN. */
    @Override
    public double variance() {
        return Double.NaN;
    }
}
