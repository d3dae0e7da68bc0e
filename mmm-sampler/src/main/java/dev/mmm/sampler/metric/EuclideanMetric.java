package dev.mmm.sampler.metric;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * A Euclidean metric: kinetic energy ½ pᵀM⁻¹p with momentum p ~ N(0, M). Implementations keep
 * scratch space and are used by one chain only; none of these methods allocates.
 */
public interface EuclideanMetric {

    int dimension();

    /** Draws a momentum p ~ N(0, M) into {@code momentum}. */
    void sampleMomentum(NormalizedGaussianSampler standardNormal, double[] momentum);

    /** Writes M⁻¹p (Stan's dtau_dp, the "sharp" momentum and the position velocity) into {@code out}. */
    void multiplyInverse(double[] momentum, double[] out);

    /** Writes the diagonal of M⁻¹ into {@code out}. */
    void inverseDiagonal(double[] out);
}
