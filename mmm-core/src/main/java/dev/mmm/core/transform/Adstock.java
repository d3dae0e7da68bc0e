package dev.mmm.core.transform;

import dev.mmm.priors.Distribution;
import dev.mmm.priors.Support;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Carry-over of spend into later periods, as a finite convolution with lag weights
 * {@code w[0..weightCount()-1]}: {@code adstock[t] = sum_l w[l] * x[t-l]} (x = 0 before the first row).
 *
 * <p>Every adstock is described by its weights and their Jacobian with respect to its
 * parameters, so the model runs one generic O(T*L) forward pass and one reverse pass
 * for all of them. Implementations are immutable; the weight methods write into caller
 * arrays and must not allocate.
 */
public interface Adstock {

    /** Name JSON uses, e.g. {@code "geometric"}. */
    String name();

    /** Maximum lag L as configured. */
    int lMax();

    /** Number of weights (L for most; L+1 for Weibull CDF, as in the anchors). */
    int weightCount();

    /** Parameter names, e.g. {@code ["alpha"]}; empty for no adstock. */
    List<String> parameterNames();

    /** Default prior per parameter name. */
    LinkedHashMap<String, Distribution> defaultPriors();

    /**
     * Where each parameter is legal, in the order of {@link #parameterNames()}: the model
     * picks its bijector from this and rejects a user prior whose support reaches outside.
     * Outside these sets the weight methods write NaN rather than throw, so a bad point
     * on the sampler's path is rejected instead of stopping the fit.
     */
    default List<Support> parameterSupports() {
        return defaultPriors().values().stream().map(Distribution::support).toList();
    }

    /** Writes the lag weights for the given parameters into {@code w}. */
    void weights(double[] params, double[] w);

    /**
     * Writes the weights into {@code w} and their derivatives into
     * {@code dw[j][l] = d w[l] / d params[j]}.
     */
    void weightsAndJacobian(double[] params, double[] w, double[][] dw);
}
