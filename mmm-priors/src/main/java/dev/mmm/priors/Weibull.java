package dev.mmm.priors;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Weibull(alpha = shape k, beta = scale lambda), as PyMC names them: density
 * (k/lambda) (x/lambda)^(k-1) exp(-(x/lambda)^k) on [0, inf).
 */
public final class Weibull extends ParametricDistribution {

    public static final String NAME = "Weibull";
    private static final String[] FIELDS = {"alpha", "beta"};

    private final double shape;
    private final double scale;
    private final double logNormaliser;

    public Weibull(double alpha, double beta) {
        super(NAME, FIELDS, Check.positive(NAME, "alpha", alpha), Check.positive(NAME, "beta", beta));
        this.shape = alpha;
        this.scale = beta;
        this.logNormaliser = Math.log(alpha) - Math.log(beta);
    }

    /** k. */
    public double shape() {
        return shape;
    }

    /** lambda. */
    public double scale() {
        return scale;
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
        double y = x / scale;
        return logNormaliser + Numerics.xlogy(shape - 1.0, y) - Math.pow(y, shape);
    }

    @Override
    public double dLogDensity(double x) {
        double y = x / scale;
        double power = shape == 1.0 ? 0.0 : (shape - 1.0) / x;
        return power - shape / scale * Math.pow(y, shape - 1.0);
    }

    @Override
    public void dLogDensityDParameters(double x, double[] out) {
        double y = x / scale;
        double w = Math.pow(y, shape);
        out[0] = 1.0 / shape + (1.0 - w) * Math.log(y);
        out[1] = shape / scale * (w - 1.0);
    }

    @Override
    public double cdf(double x) {
        return x <= 0.0 ? 0.0 : -Math.expm1(-Math.pow(x / scale, shape));
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return scale * Math.pow(-Math.log(Numerics.openUnit(rng)), 1.0 / shape);
    }

    @Override
    public double mean() {
        return scale * Math.exp(LogGamma.value(1.0 + 1.0 / shape));
    }

    @Override
    public double variance() {
        double m = Math.exp(LogGamma.value(1.0 + 1.0 / shape));
        return scale * scale * (Math.exp(LogGamma.value(1.0 + 2.0 / shape)) - m * m);
    }
}
