package dev.mmm.priors;

/** x = b - exp(u), onto (-inf, b). */
public final class UpperBoundBijector implements Bijector {

    private final double upper;

    public UpperBoundBijector(double upper) {
        if (!Double.isFinite(upper)) {
            throw new IllegalArgumentException("UpperBoundBijector: upper must be finite, got " + upper);
        }
        this.upper = upper;
    }

    public double upper() {
        return upper;
    }

    @Override
    public double toConstrained(double u) {
        return upper - Math.exp(u);
    }

    @Override
    public double toUnconstrained(double x) {
        return Math.log(upper - x);
    }

    @Override
    public double dConstrainedDu(double u) {
        return -Math.exp(u);
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
        return o instanceof UpperBoundBijector other && Double.compare(upper, other.upper) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(upper);
    }

    @Override
    public String toString() {
        return "UpperBoundBijector(" + upper + ")";
    }
}
