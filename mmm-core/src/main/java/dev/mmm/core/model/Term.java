package dev.mmm.core.model;

import java.util.List;

/**
 * One additive part of the mean {@code mu[t]} (in the target's scaled space, or on the log scale
 * under a log link), with its own parameters, forward pass and hand-written reverse pass.
 *
 * <p>Parameters live in one flat vector {@code theta} of constrained values shared by all terms;
 * a term knows the indices of its own parameters (fixed at compile time) and may read others'
 * (a synergy reads its two channels' transform parameters). Adding a term never touches another.
 *
 * <p>Hot path contract: {@link #addForward} then {@link #addReverse} with the same {@code theta};
 * neither allocates. A term may cache intermediates of the forward pass for the reverse pass, so an
 * instance is used by one thread at a time; {@link #copy()} gives a fresh one for another chain.
 */
public interface Term {

    /** Short name, e.g. {@code "media"}, {@code "controls"}, {@code "fourier"}. */
    String name();

    /** {@code mu[t] += term(theta)[t]} for every row. */
    void addForward(double[] theta, double[] mu);

    /** {@code dTheta[i] += sum_t dMu[t] * d term[t] / d theta[i]}, after {@link #addForward} at the same theta. */
    void addReverse(double[] theta, double[] dMu, double[] dTheta);

    /** Names of the contribution series this term reports, e.g. one per channel. */
    List<String> contributionNames();

    /**
     * Each reported contribution series at {@code theta}, {@code out[k][t]}, in scaled units; the
     * rows of {@code out} sum to this term's share of mu. Off the hot path.
     */
    void contributions(double[] theta, double[][] out);

    /** An instance with its own scratch buffers, sharing immutable data. */
    Term copy();
}
