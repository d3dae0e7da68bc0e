package dev.mmm.priors;

/**
 * A smooth bijection from the unconstrained real line (u) to a constrained set (x),
 * as Stan uses to sample constrained parameters on an unconstrained scale.
 *
 * <p>All methods are pure, allocation-free and thread-safe: the model calls them on
 * the sampler's hot path, once per parameter per gradient evaluation.
 */
public interface Bijector {

    /** x = f(u). */
    double toConstrained(double u);

    /** u = f^-1(x). */
    double toUnconstrained(double x);

    /** dx/du at u. */
    double dConstrainedDu(double u);

    /** log |dx/du| at u: the term added to the log density on the unconstrained scale. */
    double logAbsJacobian(double u);

    /** d/du of {@link #logAbsJacobian(double)}. */
    double dLogAbsJacobianDu(double u);
}
