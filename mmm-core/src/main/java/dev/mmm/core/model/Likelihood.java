package dev.mmm.core.model;

/**
 * The observation model for the (scaled) target given the mean {@code mu}. Stateless on the hot
 * path and normalised (constants included), so log densities are comparable with Stan's
 * {@code target +=} of full densities.
 */
public interface Likelihood {

    /** Name as the spec says it: {@code normal}, {@code student_t}, {@code lognormal}. */
    String name();

    /**
     * Log likelihood of the data at {@code mu}; writes {@code dMu[t] = d loglik / d mu[t]} and adds
     * the derivatives with respect to the likelihood's own parameters into {@code dTheta}.
     */
    double logLikelihood(double[] theta, double[] mu, double[] dMu, double[] dTheta);

    /**
     * {@code out[t]} = log density of row t's (scaled) target at {@code mu[t]}; the terms sum to
     * {@link #logLikelihood}. Allocates nothing.
     */
    void pointwise(double[] theta, double[] mu, double[] out);

    /** Draws one replicate of the scaled target at {@code mu} (simulation, posterior predictive). */
    double sample(double[] theta, double mu, org.apache.commons.rng.UniformRandomProvider rng);
}
