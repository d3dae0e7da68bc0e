package dev.mmm.priors;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Exponential(lam): density lam exp(-lam x) on [0, inf). */
public final class Exponential extends ParametricDistribution {

    public static final String NAME = "Exponential";
    private static final String[] FIELDS = {"lam"};

    private final double lam;
    private final double logLam;

    public Exponential(double lam) {
        super(NAME, FIELDS, Check.positive(NAME, "lam", lam));
        this.lam = lam;
        this.logLam = Math.log(lam);
    }

    public double lam() {
        return lam;
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
        return logLam - lam * x;
    }

    @Override
    public double dLogDensity(double x) {
        return -lam;
    }

    @Override
    public void dLogDensityDParameters(double x, double[] out) {
        out[0] = 1.0 / lam - x;
    }

    @Override
    public double cdf(double x) {
        return x <= 0.0 ? 0.0 : -Math.expm1(-lam * x);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return ZigguratSampler.Exponential.of(rng).sample() / lam;
    }

    @Override
    public double mean() {
        return 1.0 / lam;
    }

    @Override
    public double variance() {
        return 1.0 / (lam * lam);
    }
}
