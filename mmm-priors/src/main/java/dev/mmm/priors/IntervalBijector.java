package dev.mmm.priors;

/** x = a + (b - a) logistic(u), onto (a, b); on (0, 1) this is the inverse logit. */
public final class IntervalBijector implements Bijector {

    private final double lower;
    private final double upper;
    private final double width;
    private final double logWidth;

    public IntervalBijector(double lower, double upper) {
        if (!Double.isFinite(lower)) {
            throw new IllegalArgumentException("IntervalBijector: lower must be finite, got " + lower);
        }
        if (!Double.isFinite(upper) || !(upper > lower)) {
            throw new IllegalArgumentException(
                    "IntervalBijector: upper must be finite and > lower (" + lower + "), got " + upper);
        }
        this.lower = lower;
        this.upper = upper;
        this.width = upper - lower;
        this.logWidth = Math.log(width);
    }

    public double lower() {
        return lower;
    }

    public double upper() {
        return upper;
    }

    /** x - a at u, computed without going through x. */
    public double distanceToLower(double u) {
        return width * Numerics.logistic(u);
    }

    /** b - x at u, computed without going through x, so it keeps full precision near b. */
    public double distanceToUpper(double u) {
        return width * Numerics.logistic(-u);
    }

    @Override
    public double toConstrained(double u) {
        // Measured from the nearer end so that x never rounds past a bound.
        double x = u < 0 ? lower + distanceToLower(u) : upper - distanceToUpper(u);
        return Math.min(upper, Math.max(lower, x));
    }

    @Override
    public double toUnconstrained(double x) {
        return Math.log(x - lower) - Math.log(upper - x);
    }

    @Override
    public double dConstrainedDu(double u) {
        return width * Numerics.logistic(u) * Numerics.logistic(-u);
    }

    @Override
    public double logAbsJacobian(double u) {
        return logWidth - Numerics.softplus(u) - Numerics.softplus(-u);
    }

    @Override
    public double dLogAbsJacobianDu(double u) {
        return -Math.tanh(0.5 * u);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntervalBijector other
                && Double.compare(lower, other.lower) == 0 && Double.compare(upper, other.upper) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(lower) + Double.hashCode(upper);
    }

    @Override
    public String toString() {
        return "IntervalBijector(" + lower + ", " + upper + ")";
    }
}
