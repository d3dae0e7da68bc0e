package dev.mmm.core.transform;

import dev.mmm.priors.Distribution;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Log saturation {@code f(x) = log(1 + x)}: f(0) = 0, increasing, unbounded, no parameters.
 * PyMC-Marketing's {@code LogSaturation} is {@code beta * log1p(x)} and requires unscaled
 * input (it forces the channel scale to 1), since log1p is not scale-free: the model
 * should feed it raw spend.
 */
public final class LogSaturation extends AbstractSaturation {

    public LogSaturation() {
        super("log", List.of(), List.of());
    }

    @Override
    public LinkedHashMap<String, Distribution> defaultPriors() {
        return new LinkedHashMap<>();
    }

    @Override
    public double value(double x, double[] params) {
        return Math.log1p(x);
    }

    @Override
    public void evaluate(double[] params, double[] x, int n, double[] value, double[] dx, double[][] dParams) {
        for (int t = 0; t < n; t++) {
            double xt = x[t];
            value[t] = Math.log1p(xt);
            dx[t] = 1.0 / (1.0 + xt);
        }
    }
}
