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
        this.logMass = logStandardMass(a, b);
        if (logMass == Double.NEGATIVE_INFINITY) {
            throw new ParameterException(NAME, "upper",
                    "must leave the interval some normal mass (it underflows for lower = " + lower + ")", upper);
        }
        this.hazardLower = Double.isInfinite(a) ? 0.0 : Math.exp(logPhi(a) - logMass);
        this.hazardUpper = Double.isInfinite(b) ? 0.0 : Math.exp(logPhi(b) - logMass);
        this.logNormaliser = -Math.log(sigma) - Numerics.LN_SQRT_2PI - logMass;
    }

    private static double checkUpper(double lower, double upper) {
        Check.notNaN(NAME, "upper", upper);
        if (!(upper > lower)) {
            throw new ParameterException(NAME, "upper", "must be > lower (" + lower + ")", upper);
        }
        return upper;
    }

    /** log of the standard normal density. */
    static double logPhi(double z) {
        return -0.5 * z * z - Numerics.LN_SQRT_2PI;
    }

    /** log P(Z > t) for t >= 0, exact far into the tail via erfcx. */
    static double logUpperTail(double t) {
        if (t == Double.POSITIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        double s = t / Numerics.SQRT_2;
        return -Numerics.LN_2 + Math.log(Erfcx.value(s)) - s * s;
    }

    /** log(Phi(b) - Phi(a)) for a < b, either possibly infinite, without underflow in the tails. */
    static double logStandardMass(double a, double b) {
        if (a >= 0.0) {
            // Both in the upper tail: Q(a) - Q(b) = Q(a) (1 - Q(b)/Q(a)).
            double logQa = logUpperTail(a);
            return logQa + Numerics.log1mexp(logUpperTail(b) - logQa);
        }
        if (b <= 0.0) {
            return logStandardMass(-b, -a);
        }
        if (a == Double.NEGATIVE_INFINITY && b == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        if (a == Double.NEGATIVE_INFINITY) {
            return Numerics.log1mexp(logUpperTail(b));
        }
        if (b == Double.POSITIVE_INFINITY) {
            return Numerics.log1mexp(logUpperTail(-a));
        }
        return Math.log(0.5 * ErfDifference.value(a / Numerics.SQRT_2, b / Numerics.SQRT_2));
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
        return logNormaliser - 0.5 * z * z;
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
