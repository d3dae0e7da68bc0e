package dev.mmm.priors;

import java.util.LinkedHashMap;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A univariate probability distribution used as a prior.
 *
 * <p>Implementations are immutable and thread-safe. The log density is normalised
 * (it integrates to one over {@link #support()}) and is {@code -Infinity} outside the
 * support, never NaN for a legal parameter set. Methods on the sampler's hot path
 * ({@link #logDensity}, {@link #dLogDensity}) must not allocate.
 */
public interface Distribution {

    /** The name JSON uses for this family, e.g. {@code "HalfNormal"}. */
    String name();

    /**
     * The parameters as JSON says them, in a fixed order, e.g. {@code {"sigma": 2.0}}.
     * A distribution rebuilt from {@code name()} and {@code parameters()} is equal to this one.
     */
    LinkedHashMap<String, Double> parameters();

    /** Where the density is positive. */
    Support support();

    /** Normalised log density at {@code x}; {@code -Infinity} outside the support. */
    double logDensity(double x);

    /** d logDensity / dx at {@code x} (inside the support). */
    double dLogDensity(double x);

    /**
     * Gradient of the log density with respect to each parameter, in the order of
     * {@link #parameters()}, written into {@code out} (length = number of parameters).
     * Needed by hierarchical models whose prior parameters are themselves sampled.
     */
    void dLogDensityDParameters(double x, double[] out);

    /** Cumulative distribution function. */
    double cdf(double x);

    /** One independent draw. */
    double sample(UniformRandomProvider rng);

    double mean();

    double variance();
}
