package dev.mmm.priors;

import org.apache.commons.rng.UniformRandomProvider;

/** Uniform(lower, upper) on the closed interval. */
public final class Uniform extends ParametricDistribution implements IntervalDensity {

    public static final String NAME = "Uniform";
    private static final String[] FIELDS = {"lower", "upper"};

    private final double lower;
    private final double upper;
    private final double width;
    private final double logDensityInside;
    private final Support support;

    public Uniform(double lower, double upper) {
        super(NAME, FIELDS, Check.finite(NAME, "lower", lower), checkUpper(lower, upper));
        this.lower = lower;
        this.upper = upper;
        this.width = upper - lower;
        this.logDensityInside = -Math.log(width);
        this.support = new Support(lower, upper);
    }

    private static double checkUpper(double lower, double upper) {
        Check.finite(NAME, "upper", upper);
        if (!(upper > lower) || !Double.isFinite(upper - lower)) {
            throw new ParameterException(NAME, "upper", "must be > lower (" + lower + ") and upper - lower finite", upper);
        }
        return upper;
    }

    public double lower() {
        return lower;
    }

    public double upper() {
        return upper;
    }

    @Override
    public Support support() {
        return support;
    }

    @Override
    public double logDensity(double x) {
        return x >= lower && x <= upper ? logDensityInside : Double.NEGATIVE_INFINITY;
    }

    @Override
    public double logDensityInterval(double fromLower, double toUpper) {
        return logDensityInside;
    }

    @Override
    public double dLogDensityTimesSpan(double fromLower, double toUpper) {
        return 0.0;
    }

    @Override
    public double dLogDensity(double x) {
        return 0.0;
    }

    @Override
    public void dLogDensityDParameters(double x, double[] out) {
        out[0] = 1.0 / width;
        out[1] = -1.0 / width;
    }

    @Override
    public double cdf(double x) {
        if (x <= lower) {
            return 0.0;
        }
        return x >= upper ? 1.0 : (x - lower) / width;
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return Math.min(upper, lower + width * rng.nextDouble());
    }

    @Override
    public double mean() {
        return lower + 0.5 * width;
    }

    @Override
    public double variance() {
        return width * width / 12.0;
    }
}
