package dev.mmm.priors;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;

/**
 * InverseGamma(alpha = shape, beta = scale): 1/x ~ Gamma(alpha, rate beta); density
 * beta^alpha x^(-alpha-1) exp(-beta / x) / Gamma(alpha).
 */
public final class InverseGamma extends ParametricDistribution {

    public static final String NAME = "InverseGamma";
    private static final String[] FIELDS = {"alpha", "beta"};

    private final double alpha;
    private final double beta;
    private final double logNormaliser;
    private final double digammaAlpha;

    public InverseGamma(double alpha, double beta) {
        super(NAME, FIELDS, Check.positive(NAME, "alpha", alpha), Check.positive(NAME, "beta", beta));
        this.alpha = alpha;
        this.beta = beta;
        this.logNormaliser = alpha * Math.log(beta) - LogGamma.value(alpha);
        this.digammaAlpha = Digamma.value(alpha);
    }

    /** The InverseGamma with this mean and sd: alpha = 2 + (mean/sd)^2, beta = mean (alpha - 1). */
    public static InverseGamma ofMeanSd(double mean, double sd) {
        Check.positive(NAME, "mu", mean);
        Check.positive(NAME, "sigma", sd);
        double ratio = mean / sd;
        double alpha = 2.0 + ratio * ratio;
        return new InverseGamma(alpha, mean * (alpha - 1.0));
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
        if (!(x > 0.0) || x == Double.POSITIVE_INFINITY) {
            // exp(-beta/x) beats any power of x as x -> 0, so the density's limit there is 0.
            return Double.isNaN(x) ? Double.NaN : Double.NEGATIVE_INFINITY;
        }
        return logNormaliser - (alpha + 1.0) * Math.log(x) - beta / x;
    }

    @Override
    public double dLogDensity(double x) {
        return (beta / x - (alpha + 1.0)) / x;
    }

    @Override
    public void dLogDensityDParameters(double x, double[] out) {
        out[0] = Math.log(beta) - digammaAlpha - Math.log(x);
        out[1] = alpha / beta - 1.0 / x;
    }

    @Override
    public double cdf(double x) {
        return x <= 0.0 ? 0.0 : RegularizedGamma.Q.value(alpha, beta / x);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return beta / AhrensDieterMarsagliaTsangGammaSampler.of(rng, alpha, 1.0).sample();
    }

    /** beta / (alpha - 1), infinite for alpha <= 1. */
    @Override
    public double mean() {
        return alpha > 1.0 ? beta / (alpha - 1.0) : Double.POSITIVE_INFINITY;
    }

    /** Infinite for alpha <= 2. */
    @Override
    public double variance() {
        if (!(alpha > 2.0)) {
            return Double.POSITIVE_INFINITY;
        }
        double am1 = alpha - 1.0;
        return beta * beta / (am1 * am1 * (alpha - 2.0));
    }
}
