package dev.mmm.core.transform;

import dev.mmm.priors.Distribution;
import java.util.LinkedHashMap;
import java.util.List;

/** Linear response {@code f(x) = x}, no parameters (PyMC-Marketing {@code NoSaturation} is {@code beta * x}). */
public final class NoSaturation extends AbstractSaturation {

    public NoSaturation() {
        super("none", List.of(), List.of());
    }

    @Override
    public LinkedHashMap<String, Distribution> defaultPriors() {
        return new LinkedHashMap<>();
    }

    @Override
    public double value(double x, double[] params) {
        return x;
    }

    @Override
    public void evaluate(double[] params, double[] x, int n, double[] value, double[] dx, double[][] dParams) {
        for (int t = 0; t < n; t++) {
            value[t] = x[t];
            dx[t] = 1.0;
        }
    }
}
