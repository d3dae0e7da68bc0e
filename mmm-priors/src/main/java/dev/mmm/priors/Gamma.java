package dev.mmm.priors;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;

/**
 * Gamma(alpha = shape, beta = rate), the PyMC parametrisation: density
 * beta^alpha x^(alpha-1) exp(-beta x) / Gamma(alpha) on [0, inf).
 */
public final class Gamma extends ParametricDistribution {

    public static final String NAME = "Gamma";
    private static final String[] FIELDS = {"alpha", "beta"};

    private final double alpha;
    private final double beta;
    private final double logNormaliser;
    private final double digammaAlpha;

    public Gamma(double alpha, double beta) {
        super(NAME, FIELDS, Check.positive(NAME, "alpha", alpha), Check.positive(NAME, "beta", beta));
        this.alpha = alpha;
        this.beta = beta;
        this.logNormaliser = alpha * Math.log(beta) - LogGamma.value(alpha);
        this.digammaAlpha = Digamma.value(alpha);
    }

    /** The Gamma with this mean and standard deviation: alpha = (mean/sd)^2, beta = mean/sd^2. */
    public static Gamma ofMeanSd(double mean, double sd) {
        Check.positive(NAME, "mu", mean);
        Check.positive(NAME, "sigma", sd);
        double ratio = mean / sd;
        return new Gamma(ratio * ratio, ratio / sd);
    }

    public double alpha() {
        return alpha;
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
        return logNormaliser + Numerics.xlogy(alpha - 1.0, x) - beta * x;
    }

    @Override
    public double dLogDensity(double x) {
        return (alpha == 1.0 ? 0.0 : (alpha - 1.0) / x) - beta;
    }

    @Override
    public void dLogDensityDParameters(double x, double[] out) {
        out[0] = Math.log(beta) - digammaAlpha + Math.log(x);
        out[1] = alpha / beta - x;
    }

    @Override
    public double cdf(double x) {
        return x <= 0.0 ? 0.0 : RegularizedGamma.P.value(alpha, beta * x);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return AhrensDieterMarsagliaTsangGammaSampler.of(rng, alpha, 1.0 / beta).sample();
    }

    @Override
    public double mean() {
        return alpha / beta;
    }

    @Override
    public double variance() {
        return alpha / (beta * beta);
    }
}
