package dev.mmm.priors;

import java.util.Objects;

/**
 * A prior on a constrained value x sampled on an unconstrained value u = f^-1(x): the
 * density on u is p(f(u)) |f'(u)|, as Stan does it. Immutable, thread-safe and
 * allocation-free on the hot path.
 */
public final class Prior {

    private final Distribution distribution;
    private final Bijector bijector;
    /** Set when the density can be evaluated from distances to both bounds (see IntervalDensity). */
    private final IntervalDensity intervalDensity;
    private final IntervalBijector interval;

    private Prior(Distribution distribution, Bijector bijector) {
        this.distribution = Objects.requireNonNull(distribution, "distribution");
        this.bijector = Objects.requireNonNull(bijector, "bijector");
        if (distribution instanceof IntervalDensity density && bijector instanceof IntervalBijector ib
                && ib.lower() == distribution.support().lower() && ib.upper() == distribution.support().upper()) {
            this.intervalDensity = density;
            this.interval = ib;
        } else {
            this.intervalDensity = null;
            this.interval = null;
        }
    }

    /** The prior with the bijector Stan picks for the distribution's support. */
    public static Prior of(Distribution distribution) {
        Objects.requireNonNull(distribution, "distribution");
        return new Prior(distribution, Bijectors.forSupport(distribution.support()));
    }

    public static Prior of(Distribution distribution, Bijector bijector) {
        return new Prior(distribution, bijector);
    }

    public Distribution distribution() {
        return distribution;
    }

    public Bijector bijector() {
        return bijector;
    }

    /** True for a Dirac prior: the value is fixed, not sampled. */
    public boolean isFixed() {
        return distribution.support().isPoint();
    }

    /** log p(x(u)) + log |dx/du|. */
    public double logDensityUnconstrained(double u) {
        if (intervalDensity != null) {
            return intervalDensity.logDensityInterval(interval.distanceToLower(u), interval.distanceToUpper(u))
                    + interval.logAbsJacobian(u);
        }
        return distribution.logDensity(bijector.toConstrained(u)) + bijector.logAbsJacobian(u);
    }

    /** d/du of {@link #logDensityUnconstrained(double)}. */
    public double dLogDensityUnconstrainedDu(double u) {
        if (intervalDensity != null) {
            return intervalDensity.dLogDensityTimesSpan(interval.distanceToLower(u), interval.distanceToUpper(u))
                    + interval.dLogAbsJacobianDu(u);
        }
        if (isFixed()) {
            return 0.0;
        }
        return distribution.dLogDensity(bijector.toConstrained(u)) * bijector.dConstrainedDu(u)
                + bijector.dLogAbsJacobianDu(u);
    }

    public double toConstrained(double u) {
        return bijector.toConstrained(u);
    }

    public double dConstrainedDu(double u) {
        return bijector.dConstrainedDu(u);
    }

    public double toUnconstrained(double x) {
        return bijector.toUnconstrained(x);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prior other && distribution.equals(other.distribution) && bijector.equals(other.bijector);
    }

    @Override
    public int hashCode() {
        return 31 * distribution.hashCode() + bijector.hashCode();
    }

    @Override
    public String toString() {
        return "Prior(" + distribution + ", " + bijector + ")";
    }
}
