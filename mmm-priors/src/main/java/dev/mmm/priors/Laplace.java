package dev.mmm.priors;

import org.apache.commons.rng.UniformRandomProvider;

/** Laplace(mu, b): density exp(-|x - mu| / b) / (2 b). */
public final class Laplace extends ParametricDistribution {

    public static final String NAME = "Laplace";
    private static final String[] FIELDS = {"mu", "b"};

    private final double mu;
    private final double b;
    private final double logNormaliser;

    public Laplace(double mu, double b) {
        super(NAME, FIELDS, Check.finite(NAME, "mu", mu), Check.positive(NAME, "b", b));
        this.mu = mu;
        this.b = b;
        this.logNormaliser = -Numerics.LN_2 - Math.log(b);
    }

    public double mu() {
        return mu;
    }

    public double b() {
        return b;
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
        return logNormaliser - Math.abs(x - mu) / b;
    }

    @Override
    public double dLogDensity(double x) {
        // The kink at mu has no derivative; 0 is the subgradient's midpoint.
        return -Math.signum(x - mu) / b;
    }

    @Override
    public void dLogDensityDParameters(double x, double[] out) {
        out[0] = Math.signum(x - mu) / b;
        out[1] = (Math.abs(x - mu) / b - 1.0) / b;
    }

    @Override
    public double cdf(double x) {
        double z = (x - mu) / b;
        return z < 0 ? 0.5 * Math.exp(z) : 1.0 - 0.5 * Math.exp(-z);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        double p = Numerics.openUnit(rng);
        return p < 0.5 ? mu + b * Math.log(2.0 * p) : mu - b * Math.log(2.0 * (1.0 - p));
    }

    @Override
    public double mean() {
        return mu;
    }

    @Override
    public double variance() {
        return 2.0 * b * b;
    }
}
