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

    /**
     * tanh(u) to within 3 ulp, bit for bit what {@link #tanhInto} and the array kernel
     * {@link TanhKernel#tanhAndSech2(double, double[], int, double[], double[])} give. Math.tanh is
     * fdlibm in software and costs several exps.
     */
    static double tanh(double u) {
        return TanhKernel.tanh(u);
    }

    /**
     * Writes tanh(u) into {@code value[t]} and returns sech^2(u) = 1 - tanh^2(u), computed from
     * e^(-2|u|) without cancellation near tanh = 1, and exactly 0, not NaN, once it underflows.
     * For one u at a time; a whole array goes faster through {@link TanhKernel}.
     */
    static double tanhInto(double u, double[] value, int t) {
        return TanhKernel.tanhAndSech2(u, value, t);
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
