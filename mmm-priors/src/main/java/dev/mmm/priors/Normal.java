package dev.mmm.priors;

import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Normal(mu, sigma). */
public final class Normal extends ParametricDistribution {

    public static final String NAME = "Normal";
    private static final String[] FIELDS = {"mu", "sigma"};

    private final double mu;
    private final double sigma;
    private final double logNormaliser;

    public Normal(double mu, double sigma) {
        super(NAME, FIELDS, Check.finite(NAME, "mu", mu), Check.positive(NAME, "sigma", sigma));
        this.mu = mu;
        this.sigma = sigma;
        this.logNormaliser = -Math.log(sigma) - Numerics.LN_SQRT_2PI;
    }

    public double mu() {
        return mu;
    }

    public double sigma() {
        return sigma;
    }

    @Override
    public Support support() {
        return Support.REAL;
    }

    @Override
    public double logDensity(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.isNaN(x) ? Double.NaN : Double.NEGATIVE_INFINITY;
        }
        double z = (x - mu) / sigma;
        return logNormaliser - 0.5 * z * z;
    }

    @Override
    public double dLogDensity(double x) {
        return -(x - mu) / (sigma * sigma);
    }

    @Override
    public void dLogDensityDParameters(double x, double[] out) {
        double z = (x - mu) / sigma;
        out[0] = z / sigma;
        out[1] = (z * z - 1.0) / sigma;
    }

    @Override
    public double cdf(double x) {
        return standardCdf((x - mu) / sigma);
    }

    /** Phi(z), accurate in both tails. */
    static double standardCdf(double z) {
        return 0.5 * Erfc.value(-z / Numerics.SQRT_2);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return mu + sigma * ZigguratSampler.NormalizedGaussian.of(rng).sample();
    }

    @Override
    public double mean() {
        return mu;
    }

    @Override
    public double variance() {
        return sigma * sigma;
    }
}
