package dev.mmm.priors;

/** Picks the transform Stan uses for a support. */
public final class Bijectors {

    private Bijectors() {
    }

    /**
     * Identity for the real line, a + exp(u) for [a, inf), b - exp(u) for (-inf, b],
     * a + (b - a) logistic(u) for [a, b], and a constant for a single point.
     */
    public static Bijector forSupport(Support support) {
        double a = support.lower();
        double b = support.upper();
        if (support.isPoint()) {
            return new PointBijector(a);
        }
        boolean hasLower = a != Double.NEGATIVE_INFINITY;
        boolean hasUpper = b != Double.POSITIVE_INFINITY;
        if (hasLower && hasUpper) {
            return new IntervalBijector(a, b);
        }
        if (hasLower) {
            return new LowerBoundBijector(a);
        }
        if (hasUpper) {
            return new UpperBoundBijector(b);
        }
        return IdentityBijector.INSTANCE;
    }
}
