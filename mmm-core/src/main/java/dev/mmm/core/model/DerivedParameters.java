package dev.mmm.core.model;

/**
 * Parameters of a compiled model that are not sampled but computed from others (ROI
 * parameterisation: a channel's {@code beta} from its sampled {@code roas} and its adstock and
 * saturation parameters). Derived parameters have no prior term and no Jacobian: the prior is
 * stated on the parameters they come from, which are the ones sampled.
 *
 * <p>{@link CompiledModel} calls {@link #derive} after the bijectors and before the terms, and
 * {@link #reverse} after every term and {@link DensityTerm} added its gradient, so the gradient of
 * a derived parameter flows into the parameters it comes from. Allocation-free; one instance per
 * thread ({@link #copy()}).
 */
public interface DerivedParameters {

    /** Indices into theta of the parameters this object computes. */
    int[] derivedIndices();

    /** Writes the derived entries of {@code theta} from its other entries. */
    void derive(double[] theta);

    /**
     * Moves {@code dTheta[derived]} onto the parameters the derived ones come from (chain rule),
     * then sets {@code dTheta[derived]} to zero; after {@link #derive} at the same theta.
     */
    void reverse(double[] theta, double[] dTheta);

    /** An instance with its own scratch, sharing immutable data. */
    DerivedParameters copy();
}
