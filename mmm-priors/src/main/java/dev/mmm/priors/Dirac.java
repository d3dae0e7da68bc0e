package dev.mmm.priors;

import org.apache.commons.rng.UniformRandomProvider;

/** A fixed value: all mass at {@code value}; log density 0 there and -inf elsewhere. */
public final class Dirac extends ParametricDistribution {

    public static final String NAME = "Dirac";
    private static final String[] FIELDS = {"value"};

    private final double value;
    private final Support support;

    public Dirac(double value) {
        super(NAME, FIELDS, Check.finite(NAME, "value", value));
        this.value = value;
        this.support = new Support(value, value);
    }

    public double value() {
        return value;
    }

    @Override
    public Support support() {
        return support;
    }

    @Override
    public double logDensity(double x) {
        return x == value ? 0.0 : Double.NEGATIVE_INFINITY;
    }

    @Override
    public double dLogDensity(double x) {
        return 0.0;
    }

    @Override
    public void dLogDensityDParameters(double x, double[] out) {
        out[0] = 0.0;
    }

    @Override
    public double cdf(double x) {
        return x >= value ? 1.0 : 0.0;
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return value;
    }

    @Override
    public double mean() {
        return value;
    }

    @Override
    public double variance() {
        return 0.0;
    }
}
