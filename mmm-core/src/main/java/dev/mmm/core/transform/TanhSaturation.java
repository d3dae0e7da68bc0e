package dev.mmm.core.transform;

import dev.mmm.priors.Distribution;
import dev.mmm.priors.Support;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Tanh saturation {@code f(x) = tanh(x / c)}: f(0) = 0, increasing, f -> 1 as x -> inf, slope
 * 1/c at 0. Parameter {@code c > 0}, default prior HalfNormal(1).
 *
 * <p>PyMC-Marketing's {@code TanhSaturation} is {@code b * tanh(x / (b * c))} with b the
 * saturation level and c the initial cost per unit; ours is that with our {@code beta = b}
 * outside and our {@code c = b * c_theirs} inside.
 */
public final class TanhSaturation extends AbstractSaturation {

    public TanhSaturation() {
        super("tanh", List.of("c"), List.of(Support.POSITIVE));
    }

    @Override
    public LinkedHashMap<String, Distribution> defaultPriors() {
        LinkedHashMap<String, Distribution> priors = new LinkedHashMap<>();
        priors.put("c", DefaultPriors.halfNormal(1.0));
        return priors;
    }

    @Override
    public double value(double x, double[] params) {
        double c = params[0];
        return isPositiveFinite(c) ? tanh(x / c) : Double.NaN;
    }

    @Override
    public void evaluate(double[] params, double[] x, int n, double[] value, double[] dx, double[][] dParams) {
        double c = params[0];
        if (!isPositiveFinite(c)) {
            fillNaN(n, value, dx, dParams, 1);
            return;
        }
        double[] dC = dParams[0];
        double invC = 1.0 / c;
        // The vectorised kernel: sech^2 lands in dx, then becomes the two slopes.
        TanhKernel.tanhAndSech2(invC, x, n, value, dx);
        for (int t = 0; t < n; t++) {
            double slope = dx[t];
            dC[t] = -(x[t] * invC) * invC * slope;
            dx[t] = slope * invC;
        }
    }
}
