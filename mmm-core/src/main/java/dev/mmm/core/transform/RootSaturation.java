package dev.mmm.core.transform;

import dev.mmm.priors.Distribution;
import dev.mmm.priors.Support;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Power (root) saturation {@code f(x) = x^alpha}: f(0) = 0, f(1) = 1, increasing and
 * unbounded (no asymptote), concave for alpha < 1. Parameter {@code alpha} in [0, 1], default
 * prior Beta(1, 2). PyMC-Marketing's {@code RootSaturation} is {@code beta * x^alpha}; our
 * beta is outside.
 *
 * <p>At x = 0: f = 0 (for alpha > 0), d/dalpha = 0 (the limit of x^alpha log x), and
 * df/dx is +Infinity for alpha < 1, 1 for alpha = 1 (the right derivative). alpha = 0
 * gives 0^0 = 1, a constant.
 */
public final class RootSaturation extends AbstractSaturation {

    public RootSaturation() {
        super("root", List.of("alpha"), List.of(Support.UNIT_INTERVAL));
    }

    @Override
    public LinkedHashMap<String, Distribution> defaultPriors() {
        LinkedHashMap<String, Distribution> priors = new LinkedHashMap<>();
        priors.put("alpha", DefaultPriors.beta(1.0, 2.0));
        return priors;
    }

    private static boolean legal(double alpha) {
        return alpha >= 0.0 && alpha <= 1.0;
    }

    @Override
    public double value(double x, double[] params) {
        double alpha = params[0];
        return legal(alpha) && x >= 0.0 ? Math.pow(x, alpha) : Double.NaN;
    }

    @Override
    public void evaluate(double[] params, double[] x, int n, double[] value, double[] dx, double[][] dParams) {
        double alpha = params[0];
        if (!legal(alpha)) {
            fillNaN(n, value, dx, dParams, 1);
            return;
        }
        double[] dAlpha = dParams[0];
        for (int t = 0; t < n; t++) {
            double xt = x[t];
            if (xt == 0.0) {
                value[t] = alpha == 0.0 ? 1.0 : 0.0;
                dx[t] = alpha < 1.0 ? Double.POSITIVE_INFINITY : 1.0;
                dAlpha[t] = 0.0;
                continue;
            }
            double f = Math.pow(xt, alpha);
            value[t] = f;
            dx[t] = alpha * f / xt;
            dAlpha[t] = f * Math.log(xt);
        }
    }
}
