package dev.mmm.core.transform;

import dev.mmm.priors.Support;
import java.util.List;

/** Name, parameter names and supports shared by the saturations, and the NaN fill for illegal parameters. */
abstract class AbstractSaturation implements Saturation {

    private final String name;
    private final List<String> parameterNames;
    private final List<Support> parameterSupports;

    AbstractSaturation(String name, List<String> parameterNames, List<Support> parameterSupports) {
        this.name = name;
        this.parameterNames = List.copyOf(parameterNames);
        this.parameterSupports = List.copyOf(parameterSupports);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> parameterNames() {
        return parameterNames;
    }

    @Override
    public final List<Support> parameterSupports() {
        return parameterSupports;
    }

    static void fillNaN(int n, double[] value, double[] dx, double[][] dParams, int params) {
        for (int t = 0; t < n; t++) {
            value[t] = Double.NaN;
            dx[t] = Double.NaN;
        }
        for (int j = 0; j < params; j++) {
            for (int t = 0; t < n; t++) {
                dParams[j][t] = Double.NaN;
            }
        }
    }

    static boolean isPositiveFinite(double v) {
        return v > 0.0 && v < Double.POSITIVE_INFINITY;
    }

    /** Below this |u|, tanh comes from its Taylor series; above, from one exp without cancellation. */
    private static final double SERIES_LIMIT = 0.1;

    /**
     * tanh(u), accurate to a few ulps. Math.tanh is fdlibm in software and costs several
     * exps; the logistic saturation of the default model calls this once per row per channel
     * per gradient, so it is built on one Math.exp (an intrinsic). Agrees exactly with
     * {@link #tanhInto}.
     */
    static double tanh(double u) {
        double a = Math.abs(u);
        double f;
        if (a < SERIES_LIMIT) {
            f = a * tanhSeries(a * a);
        } else {
            double e = Math.exp(-2.0 * a);
            f = (1.0 - e) / (1.0 + e);
        }
        return Math.copySign(f, u);
    }

    /**
     * Writes tanh(u) into {@code value[t]} and returns sech^2(u) = 1 - tanh^2(u), from the
     * same exponential: no cancellation when tanh(u) is close to 1 (4e / (1 + e)^2 with
     * e = exp(-2|u|)), and exactly 0, not NaN, once e underflows.
     */
    static double tanhInto(double u, double[] value, int t) {
        double a = Math.abs(u);
        if (a < SERIES_LIMIT) {
            double f = a * tanhSeries(a * a);
            value[t] = Math.copySign(f, u);
            return 1.0 - f * f;
        }
        double e = Math.exp(-2.0 * a);
        double onePlus = 1.0 + e;
        value[t] = Math.copySign((1.0 - e) / onePlus, u);
        return 4.0 * e / (onePlus * onePlus);
    }

    /** tanh(a) / a as a polynomial in a^2, to below 1e-17 relative for |a| < 0.1. */
    private static double tanhSeries(double a2) {
        return 1.0 + a2 * (-1.0 / 3.0 + a2 * (2.0 / 15.0 + a2 * (-17.0 / 315.0 + a2 * (62.0 / 2835.0
                + a2 * (-1382.0 / 155925.0 + a2 * (21844.0 / 6081075.0 + a2 * (-929569.0 / 638512875.0)))))));
    }

    /** Saturations carry no configuration: two of the same kind are equal. */
    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass();
    }

    @Override
    public final int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
