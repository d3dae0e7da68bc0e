package dev.mmm.priors;

/** x = u, for parameters on the whole real line. */
public final class IdentityBijector implements Bijector {

    public static final IdentityBijector INSTANCE = new IdentityBijector();

    private IdentityBijector() {
    }

    @Override
    public double toConstrained(double u) {
        return u;
    }

    @Override
    public double toUnconstrained(double x) {
        return x;
    }

    @Override
    public double dConstrainedDu(double u) {
        return 1.0;
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
    public String toString() {
        return "IdentityBijector";
    }
}
