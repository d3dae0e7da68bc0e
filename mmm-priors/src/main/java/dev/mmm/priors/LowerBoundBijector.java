package dev.mmm.priors;

/** x = a + exp(u), onto (a, inf); with a = 0 this is the log transform. */
public final class LowerBoundBijector implements Bijector {

    private final double lower;

    public LowerBoundBijector(double lower) {
        if (!Double.isFinite(lower)) {
            throw new IllegalArgumentException("LowerBoundBijector: lower must be finite, got " + lower);
        }
        this.lower = lower;
    }

    public double lower() {
        return lower;
    }

    @Override
    public double toConstrained(double u) {
        return lower + Math.exp(u);
    }

    @Override
    public double toUnconstrained(double x) {
        return Math.log(x - lower);
    }

    @Override
    public double dConstrainedDu(double u) {
        return Math.exp(u);
    }

    @Override
    public double logAbsJacobian(double u) {
        return u;
    }

    @Override
    public double dLogAbsJacobianDu(double u) {
        return 1.0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LowerBoundBijector other && Double.compare(lower, other.lower) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(lower);
    }

    @Override
    public String toString() {
        return "LowerBoundBijector(" + lower + ")";
    }
}
