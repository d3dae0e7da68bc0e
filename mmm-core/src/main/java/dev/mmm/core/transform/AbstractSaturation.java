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
     * sech^2(u) = 1 - tanh^2(u), as 4e / (1 + e)^2 with e = exp(-2|u|): no cancellation when
     * tanh(u) is close to 1, and exactly 0 (not NaN) once e underflows.
     */
    static double sechSquared(double u) {
        double e = Math.exp(-2.0 * Math.abs(u));
        double onePlus = 1.0 + e;
        return 4.0 * e / (onePlus * onePlus);
    }

    @Override
    public String toString() {
        return name;
    }
}
