package dev.mmm.sampler;

/**
 * A differentiable log density on R^n: all the sampler knows of a model.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #logDensityAndGradient} writes the gradient into the caller's array and
 *       returns the log density (up to a constant). It must not allocate.</li>
 *   <li>A point where the density is not finite (overflow, outside a support the
 *       transform cannot reach) is <em>recoverable</em>: return {@code -Infinity} or NaN;
 *       the sampler treats it as a divergence and carries on.</li>
 *   <li>A <em>fatal</em> error (a bug, a model that cannot be evaluated at all) throws
 *       {@link LogDensityException}; the fit stops with its message.</li>
 *   <li>Instances may keep scratch buffers and need not be thread-safe: each chain gets
 *       its own instance from {@link #copyForChain()}.</li>
 * </ul>
 */
public interface LogDensity {

    /** Number of unconstrained coordinates. */
    int dimension();

    /** Log density at {@code position}; its gradient is written into {@code gradient}. */
    double logDensityAndGradient(double[] position, double[] gradient);

    /**
     * An instance safe to use from another thread concurrently with this one.
     * Stateless densities may return {@code this}.
     */
    default LogDensity copyForChain() {
        return this;
    }
}
