package dev.mmm.core.transform;

import dev.mmm.priors.Support;
import java.util.List;

/**
 * State and bookkeeping shared by the lag-weight adstocks: name, maximum lag, the
 * {@code normalize} flag, parameter names and supports, and the normalisation step
 * {@code w <- w / sum(w)} together with its Jacobian.
 */
abstract class AbstractAdstock implements Adstock {

    private final String name;
    private final int lMax;
    private final boolean normalize;
    private final List<String> parameterNames;
    private final List<Support> parameterSupports;

    AbstractAdstock(String name, int lMax, boolean normalize, List<String> parameterNames,
                    List<Support> parameterSupports) {
        if (lMax < 1) {
            throw new IllegalArgumentException("adstock '" + name + "': lMax must be at least 1, got " + lMax);
        }
        this.name = name;
        this.lMax = lMax;
        this.normalize = normalize;
        this.parameterNames = List.copyOf(parameterNames);
        this.parameterSupports = List.copyOf(parameterSupports);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int lMax() {
        return lMax;
    }

    /** Whether the weights are divided by their sum. */
    public final boolean normalize() {
        return normalize;
    }

    @Override
    public final List<String> parameterNames() {
        return parameterNames;
    }

    @Override
    public final List<Support> parameterSupports() {
        return parameterSupports;
    }

    /** Fills the first {@code count} entries of every output with NaN: the parameters are outside their domain. */
    static void fillNaN(double[] w, double[][] dw, int params, int count) {
        for (int l = 0; l < count; l++) {
            w[l] = Double.NaN;
        }
        if (dw != null) {
            for (int j = 0; j < params; j++) {
                for (int l = 0; l < count; l++) {
                    dw[j][l] = Double.NaN;
                }
            }
        }
    }

    /** w <- w / sum(w). Callers guarantee sum(w) >= some positive weight (every adstock pins one weight). */
    static void normalizeInPlace(double[] w, int count) {
        double sum = 0.0;
        for (int l = 0; l < count; l++) {
            sum += w[l];
        }
        double inv = 1.0 / sum;
        for (int l = 0; l < count; l++) {
            w[l] *= inv;
        }
    }

    /**
     * Turns raw weights r and their Jacobian dr into the normalised w = r / S and
     * dw = (dr - w dS) / S, with S = sum(r), in place. Only the ratio r / S matters, so
     * callers may hand in r scaled by any positive (even parameter-dependent) factor as
     * long as dr is the derivative of what they hand in.
     */
    static void normalizeWithJacobian(double[] w, double[][] dw, int params, int count) {
        double sum = 0.0;
        for (int l = 0; l < count; l++) {
            sum += w[l];
        }
        double inv = 1.0 / sum;
        for (int l = 0; l < count; l++) {
            w[l] *= inv;
        }
        for (int j = 0; j < params; j++) {
            double[] row = dw[j];
            double dSum = 0.0;
            for (int l = 0; l < count; l++) {
                dSum += row[l];
            }
            for (int l = 0; l < count; l++) {
                row[l] = (row[l] - w[l] * dSum) * inv;
            }
        }
    }

    static boolean isUnitInterval(double v) {
        return v >= 0.0 && v <= 1.0;
    }

    static boolean isPositiveFinite(double v) {
        return v > 0.0 && v < Double.POSITIVE_INFINITY;
    }

    /** Same kind, same maximum lag, same normalisation: the same weights for every parameter. */
    @Override
    public final boolean equals(Object other) {
        if (other == null || other.getClass() != getClass()) {
            return false;
        }
        AbstractAdstock that = (AbstractAdstock) other;
        return lMax == that.lMax && normalize == that.normalize;
    }

    @Override
    public final int hashCode() {
        return (name.hashCode() * 31 + lMax) * 2 + (normalize ? 1 : 0);
    }

    @Override
    public String toString() {
        return name + "(lMax=" + lMax + ", normalize=" + normalize + ")";
    }
}
