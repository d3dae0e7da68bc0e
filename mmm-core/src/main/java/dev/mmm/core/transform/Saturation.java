package dev.mmm.core.transform;

import dev.mmm.priors.Distribution;
import dev.mmm.priors.Support;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Diminishing returns: the shape {@code f(x; theta)} of a channel's response to its
 * (scaled, adstocked) input. The channel coefficient {@code beta} multiplies it and is not
 * part of the saturation, so {@code contribution = beta * f(x; theta)}.
 *
 * <p>Implementations are immutable; {@link #evaluate} writes into caller arrays and must
 * not allocate.
 */
public interface Saturation {

    /** Name JSON uses, e.g. {@code "logistic"}. */
    String name();

    /** Parameter names, e.g. {@code ["lam"]}; empty for a linear (no) saturation. */
    List<String> parameterNames();

    /** Default prior per parameter name. */
    LinkedHashMap<String, Distribution> defaultPriors();

    /**
     * Where each parameter is legal, in the order of {@link #parameterNames()}: the model
     * picks its bijector from this and rejects a user prior whose support reaches outside.
     * Outside these sets {@link #evaluate} writes NaN rather than throw.
     */
    default List<Support> parameterSupports() {
        return defaultPriors().values().stream().map(Distribution::support).toList();
    }

    /** f(x; params) at one point (response curves, analysis). */
    double value(double x, double[] params);

    /**
     * For {@code t < n}: {@code value[t] = f(x[t])}, {@code dx[t] = df/dx} at x[t], and
     * {@code dParams[j][t] = df/dparams[j]} at x[t].
     */
    void evaluate(double[] params, double[] x, int n, double[] value, double[] dx, double[][] dParams);
}
