package dev.mmm.priors;

import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** HalfNormal(sigma): |N(0, sigma)| on [0, inf). */
public final class HalfNormal extends ParametricDistribution {

    public static final String NAME = "HalfNormal";
    private static final String[] FIELDS = {"sigma"};

    private final double sigma;
    private final double logNormaliser;

    public HalfNormal(double sigma) {
        super(NAME, FIELDS, Check.positive(NAME, "sigma", sigma));
        this.sigma = sigma;
        this.logNormaliser = Numerics.LN_2 - Math.log(sigma) - Numerics.LN_SQRT_2PI;
    }

    public double sigma() {
        return sigma;
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
        double z = x / sigma;
        return logNormaliser - 0.5 * z * z;
    }

    @Override
    public double dLogDensity(double x) {
        return -x / (sigma * sigma);
    }

    @Override
    public void dLogDensityDParameters(double x, double[] out) {
        double z = x / sigma;
        out[0] = (z * z - 1.0) / sigma;
    }

    @Override
    public double cdf(double x) {
        return x <= 0.0 ? 0.0 : Erf.value(x / (sigma * Numerics.SQRT_2));
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return sigma * Math.abs(ZigguratSampler.NormalizedGaussian.of(rng).sample());
    }

    @Override
    public double mean() {
        return sigma * Math.sqrt(2.0 / Math.PI);
    }

    @Override
    public double variance() {
        return sigma * sigma * (1.0 - 2.0 / Math.PI);
    }
}
