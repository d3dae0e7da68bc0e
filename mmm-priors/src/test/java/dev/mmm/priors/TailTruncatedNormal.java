package dev.mmm.priors;

/**
 * A truncated standard-normal reference for intervals deep in one tail, where Commons
 * Statistics refuses ("excess truncation"). Tail masses come from the Laplace continued
 * fraction for the Mills ratio R(t) = Q(t) / phi(t), an independent route from ours (erfcx).
 */
final class TailTruncatedNormal implements Reference {

    private final double mu;
    private final double sigma;
    private final boolean mirrored;
    /** Standardised bounds after mirroring, a >= 5. */
    private final double a;
    private final double b;
    private final double logMass;
    private final double logScaledMass;

    TailTruncatedNormal(double mu, double sigma, double lower, double upper) {
        this.mu = mu;
        this.sigma = sigma;
        double lo = (lower - mu) / sigma;
        double hi = (upper - mu) / sigma;
        this.mirrored = hi <= 0;
        this.a = mirrored ? -hi : lo;
        this.b = mirrored ? -lo : hi;
        if (!(a >= 5)) {
            throw new IllegalArgumentException("only for intervals beyond 5 sd, got [" + lo + ", " + hi + "]");
        }
        this.logMass = logTailDifference(a, b);
        this.logScaledMass = logScaledTailDifference(a, b);
    }

    /** log of the Mills ratio Q(t) / phi(t) for t >= 5. */
    static double logMills(double t) {
        double fraction = 0;
        for (int k = 300; k >= 1; k--) {
            fraction = k / (t + fraction);
        }
        return -Math.log(t + fraction);
    }

    /** log(Q(s) - Q(t)) + s^2 / 2 for 5 <= s < t, the Gaussian factor of s taken out. */
    static double logScaledTailDifference(double s, double t) {
        double logQs = logMills(s) - 0.5 * Math.log(2 * Math.PI);
        if (t == Double.POSITIVE_INFINITY) {
            return logQs;
        }
        double logRatio = logMills(t) - logMills(s) - 0.5 * (t - s) * (t + s);
        return logQs + Math.log1p(-Math.exp(logRatio));
    }

    static double logTailDifference(double s, double t) {
        return logScaledTailDifference(s, t) - 0.5 * s * s;
    }

    private double standardise(double x) {
        double z = (x - mu) / sigma;
        return mirrored ? -z : z;
    }

    @Override
    public double logDensity(double x) {
        double z = standardise(x);
        if (!(z >= a && z <= b)) {
            return Double.NEGATIVE_INFINITY;
        }
        return -0.5 * (z - a) * (z + a) - 0.5 * Math.log(2 * Math.PI) - Math.log(sigma) - logScaledMass;
    }

    /** P(Z in [a, z]) / P(Z in [a, b]) in the mirrored frame. */
    private double massFromLower(double z) {
        if (z <= a) {
            return 0;
        }
        if (z >= b) {
            return 1;
        }
        return Math.exp(logTailDifference(a, z) - logMass);
    }

    @Override
    public double cdf(double x) {
        double z = standardise(x);
        return mirrored ? 1 - massFromLower(z) : massFromLower(z);
    }

    @Override
    public double quantile(double p) {
        double target = mirrored ? 1 - p : p;
        double lo = a;
        double hi = Double.isInfinite(b) ? a + 60 / a : b;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (massFromLower(mid) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double z = 0.5 * (lo + hi);
        return mu + sigma * (mirrored ? -z : z);
    }
}
