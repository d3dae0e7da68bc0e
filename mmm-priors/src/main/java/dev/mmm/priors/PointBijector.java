package dev.mmm.priors;

/**
 * The constant map onto a single value, for a fixed (Dirac) parameter. It is not a true
 * bijection; a model should not sample a parameter whose {@link Prior#isFixed()} is true,
 * and this exists so that such a prior still answers every question consistently.
 */
public final class PointBijector implements Bijector {

    private final double value;

    public PointBijector(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("PointBijector: value must be finite, got " + value);
        }
        this.value = value;
    }

    public double value() {
        return value;
    }

    @Override
    public double toConstrained(double u) {
        return value;
    }

    @Override
    public double toUnconstrained(double x) {
        return 0.0;
    }

    @Override
    public double dConstrainedDu(double u) {
        return 0.0;
    }

    @Override
    public double logAbsJacobian(double u) {
        return 0.0;
    }

    @Override
    public double dLogAbsJacobianDu(double u) {
        return 0.0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PointBijector other && Double.compare(value, other.value) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value);
    }

    @Override
    public String toString() {
        return "PointBijector(" + value + ")";
    }
}
