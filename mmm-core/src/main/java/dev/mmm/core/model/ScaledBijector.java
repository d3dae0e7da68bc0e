package dev.mmm.core.model;

import dev.mmm.priors.Bijector;

/**
 * {@code x = factor * u} for a real parameter: a fixed preconditioning of the sampler's coordinate.
 * A control such as a week index t = 0..178 has a coefficient whose posterior sd is thousands of
 * times smaller than the others'; Stan's regularised metric adaptation cannot shrink a diagonal
 * entry below about 1e-5, so NUTS would need trees of depth 9 or more. Sampling
 * {@code u = x / factor} with factor = 1 / max|column| puts the coordinate on the scale of its
 * contribution. The log-Jacobian {@code log factor} is a constant; the constrained posterior is
 * unchanged.
 */
public final class ScaledBijector implements Bijector {

    private final double factor;
    private final double logFactor;

    public ScaledBijector(double factor) {
        if (!(factor > 0.0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("scale factor must be > 0 and finite, got " + factor);
        }
        this.factor = factor;
        this.logFactor = Math.log(factor);
    }

    @Override
    public double toConstrained(double u) {
        return factor * u;
    }

    @Override
    public double toUnconstrained(double x) {
        return x / factor;
    }

    @Override
    public double dConstrainedDu(double u) {
        return factor;
    }

    @Override
    public double logAbsJacobian(double u) {
        return logFactor;
    }

    @Override
    public double dLogAbsJacobianDu(double u) {
        return 0.0;
    }
}
