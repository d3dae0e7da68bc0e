package dev.mmm.priors;

import org.apache.commons.numbers.gamma.ErfDifference;
import org.apache.commons.numbers.gamma.Erfcx;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Normal(mu, sigma) restricted to [lower, upper]; either bound may be infinite (then it is
 * left out of JSON). The normaliser Phi(b) - Phi(a) is computed in log space from scaled
 * complementary error functions, so the density stays exact far into either tail
 * (e.g. mu = 0, sigma = 1, lower = 40).
 */
public final class TruncatedNormal extends ParametricDistribution {

    public static final String NAME = "TruncatedNormal";
    private static final String[] FIELDS = {"mu", "sigma", "lower", "upper"};
    /** Below this mass, plain rejection from the normal wastes too many draws. */
    private static final double NAIVE_REJECTION_MIN_MASS = 0.3;

    private final double mu;
    private final double sigma;
    private final double lower;
    private final double upper;
    private final Support support;
    /** Standardised bounds. */
    private final double a;
    private final double b;
    private final double logMass;
    private final double anchor;
    /** phi(a) / Z and phi(b) / Z, zero at an infinite bound. */
    private final double hazardLower;
    private final double hazardUpper;
    private final double logNormaliser;

    public TruncatedNormal(double mu, double sigma, double lower, double upper) {
        super(NAME, FIELDS, Check.finite(NAME, "mu", mu), Check.positive(NAME, "sigma", sigma),
                Check.notNaN(NAME, "lower", lower), checkUpper(lower, upper));
        this.mu = mu;
        this.sigma = sigma;
        this.lower = lower;
        this.upper = upper;
        this.support = new Support(lower, upper);
        this.a = (lower - mu) / sigma;
        this.b = (upper - mu) / sigma;
        this.anchor = anchor(a, b);
        double logScaledMass = logScaledMass(a, b);
        if (!Double.isFinite(logScaledMass)) {
            throw new ParameterException(NAME, "upper",
                    "must leave the interval some normal mass (it underflows for lower = " + lower + ")", upper);
        }
        this.logMass = logScaledMass - 0.5 * anchor * anchor;
        // phi(t) / Z = exp(-(t - c)(t + c)/2 - log sqrt(2 pi) - scaled mass), no huge terms.
        this.hazardLower = Double.isInfinite(a) ? 0.0
                : Math.exp(-0.5 * (a - anchor) * (a + anchor) - Numerics.LN_SQRT_2PI - logScaledMass);
        this.hazardUpper = Double.isInfinite(b) ? 0.0
                : Math.exp(-0.5 * (b - anchor) * (b + anchor) - Numerics.LN_SQRT_2PI - logScaledMass);
        this.logNormaliser = -Math.log(sigma) - Numerics.LN_SQRT_2PI - logScaledMass;
    }

    private static double checkUpper(double lower, double upper) {
        Check.notNaN(NAME, "upper", upper);
        if (!(upper > lower)) {
            throw new ParameterException(NAME, "upper", "must be > lower (" + lower + ")", upper);
        }
        return upper;
    }

    /** log P(Z > t) + t^2 / 2 for t >= 0: the tail mass with its Gaussian factor taken out, via erfcx. */
    static double logScaledUpperTail(double t) {
        if (t == Double.POSITIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        return -Numerics.LN_2 + Math.log(Erfcx.value(t / Numerics.SQRT_2));
    }

    /**
     * The point whose Gaussian factor is taken out of the mass: the bound nearer 0 when the
     * interval lies in one tail, else 0. Working relative to it avoids subtracting two huge
     * numbers (about c^2 / 2 each) in the log density.
     */
    static double anchor(double a, double b) {
        return a > 0.0 ? a : b < 0.0 ? b : 0.0;
    }

    /**
     * log(Phi(b) - Phi(a)) + c^2 / 2 with c = anchor(a, b), for a < b, either possibly
     * infinite, without underflow or cancellation in the tails.
     */
    static double logScaledMass(double a, double b) {
        if (a >= 0.0) {
            // Both in the upper tail: Q(a) - Q(b) = Q(a) (1 - Q(b)/Q(a)).
            double scaledA = logScaledUpperTail(a);
            double logRatio = b == Double.POSITIVE_INFINITY ? Double.NEGATIVE_INFINITY
                    : logScaledUpperTail(b) - scaledA - 0.5 * (b - a) * (b + a);
            return scaledA + Numerics.log1mexp(logRatio);
        }
        if (b <= 0.0) {
            return logScaledMass(-b, -a);
        }
        if (a == Double.NEGATIVE_INFINITY && b == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        if (a == Double.NEGATIVE_INFINITY) {
            return Numerics.log1mexp(logScaledUpperTail(b) - 0.5 * b * b);
        }
        if (b == Double.POSITIVE_INFINITY) {
            return Numerics.log1mexp(logScaledUpperTail(-a) - 0.5 * a * a);
        }
        return Math.log(0.5 * ErfDifference.value(a / Numerics.SQRT_2, b / Numerics.SQRT_2));
    }

    /** log(Phi(b) - Phi(a)). */
    static double logStandardMass(double a, double b) {
        double c = anchor(a, b);
        return logScaledMass(a, b) - 0.5 * c * c;
    }

    public double mu() {
        return mu;
    }

    public double sigma() {
        return sigma;
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
        if (!(x >= lower && x <= upper) || Double.isInfinite(x)) {
            return Double.isNaN(x) ? Double.NaN : Double.NEGATIVE_INFINITY;
        }
        double z = (x - mu) / sigma;
        return logNormaliser - 0.5 * (z - anchor) * (z + anchor);
    }

    @Override
    public double dLogDensity(double x) {
        return -(x - mu) / (sigma * sigma);
    }

    @Override
    public void dLogDensityDParameters(double x, double[] out) {
        double z = (x - mu) / sigma;
        double aHazard = Double.isInfinite(a) ? 0.0 : a * hazardLower;
        double bHazard = Double.isInfinite(b) ? 0.0 : b * hazardUpper;
        out[0] = (z - hazardLower + hazardUpper) / sigma;
        out[1] = (z * z - 1.0 - aHazard + bHazard) / sigma;
        out[2] = hazardLower / sigma;
        out[3] = -hazardUpper / sigma;
    }

    @Override
    public double cdf(double x) {
        if (x <= lower) {
            return 0.0;
        }
        if (x >= upper) {
            return 1.0;
        }
        return Math.exp(logStandardMass(a, (x - mu) / sigma) - logMass);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return mu + sigma * sampleStandard(rng);
    }

    private double sampleStandard(UniformRandomProvider rng) {
        if (logMass > Math.log(NAIVE_REJECTION_MIN_MASS)) {
            ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
            while (true) {
                double z = normal.sample();
                if (z >= a && z <= b) {
                    return z;
                }
            }
        }
        if (a >= 0.0) {
            return sampleUpperTail(rng, a, b);
        }
        if (b <= 0.0) {
            return -sampleUpperTail(rng, -b, -a);
        }
        // Straddling 0 with little mass: the interval is short, so a uniform proposal is efficient.
        while (true) {
            double z = a + (b - a) * rng.nextDouble();
            if (Numerics.openUnit(rng) <= Math.exp(-0.5 * z * z)) {
                return z;
            }
        }
    }

    /** A standard normal draw restricted to [lo, hi] with 0 <= lo (Robert, 1995). */
    private static double sampleUpperTail(UniformRandomProvider rng, double lo, double hi) {
        if ((hi - lo) * (hi + lo) <= 2.0) {
            // Short interval: uniform proposal, accepted with density ratio to the value at lo.
            while (true) {
                double z = lo + (hi - lo) * rng.nextDouble();
                if (Numerics.openUnit(rng) <= Math.exp(0.5 * (lo - z) * (lo + z))) {
                    return z;
                }
            }
        }
        double rate = 0.5 * (lo + Math.sqrt(lo * lo + 4.0));
        while (true) {
            double z = lo - Math.log(Numerics.openUnit(rng)) / rate;
            if (z <= hi && Numerics.openUnit(rng) <= Math.exp(-0.5 * (z - rate) * (z - rate))) {
                return z;
            }
        }
    }

    @Override
    public double mean() {
        return mu + sigma * (hazardLower - hazardUpper);
    }

    @Override
    public double variance() {
        double aHazard = Double.isInfinite(a) ? 0.0 : a * hazardLower;
        double bHazard = Double.isInfinite(b) ? 0.0 : b * hazardUpper;
        double shift = hazardLower - hazardUpper;
        return sigma * sigma * (1.0 + aHazard - bHazard - shift * shift);
    }
}
