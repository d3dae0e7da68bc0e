package dev.mmm.priors;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** LogNormal(mu, sigma): log x ~ Normal(mu, sigma). */
public final class LogNormal extends ParametricDistribution {

    public static final String NAME = "LogNormal";
    private static final String[] FIELDS = {"mu", "sigma"};

    private final double mu;
    private final double sigma;
    private final double logNormaliser;

    public LogNormal(double mu, double sigma) {
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
        return Support.POSITIVE;
    }

    @Override
    public double logDensity(double x) {
        if (!(x > 0.0) || x == Double.POSITIVE_INFINITY) {
            // The density tends to 0 at x = 0 for every sigma.
            return Double.isNaN(x) ? Double.NaN : Double.NEGATIVE_INFINITY;
        }
        double logX = Math.log(x);
        double z = (logX - mu) / sigma;
        return logNormaliser - logX - 0.5 * z * z;
    }

    @Override
    public double dLogDensity(double x) {
        double z = (Math.log(x) - mu) / sigma;
        return -(1.0 + z / sigma) / x;
    }

    @Override
    public void dLogDensityDParameters(double x, double[] out) {
        double z = (Math.log(x) - mu) / sigma;
        out[0] = z / sigma;
        out[1] = (z * z - 1.0) / sigma;
    }

    @Override
    public double cdf(double x) {
        return x <= 0.0 ? 0.0 : Normal.standardCdf((Math.log(x) - mu) / sigma);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return Math.exp(mu + sigma * ZigguratSampler.NormalizedGaussian.of(rng).sample());
    }

    @Override
    public double mean() {
        return Math.exp(mu + 0.5 * sigma * sigma);
    }

    @Override
    public double variance() {
        double s2 = sigma * sigma;
        return Math.expm1(s2) * Math.exp(2 * mu + s2);
    }
}
