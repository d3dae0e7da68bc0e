package dev.mmm.core.transform;

import dev.mmm.priors.Distribution;
import dev.mmm.priors.Support;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Logistic saturation {@code f(x) = (1 - e^(-lam x)) / (1 + e^(-lam x)) = tanh(lam x / 2)}:
 * f(0) = 0, increasing, f -> 1 as x -> inf. Parameter {@code lam > 0}, default prior
 * Gamma(shape 3, rate 1). PyMC-Marketing's {@code LogisticSaturation} is {@code beta * f};
 * here beta stays outside.
 *
 * <p>Computed as tanh by {@link TanhKernel} (SIMD over the rows), so it is exact at x = 0 and
 * neither overflows nor loses precision for large lam * x (f = 1, derivatives 0).
 */
public final class LogisticSaturation extends AbstractSaturation {

    public LogisticSaturation() {
        super("logistic", List.of("lam"), List.of(Support.POSITIVE));
    }

    @Override
    public LinkedHashMap<String, Distribution> defaultPriors() {
        LinkedHashMap<String, Distribution> priors = new LinkedHashMap<>();
        priors.put("lam", DefaultPriors.gammaShapeRate(3.0, 1.0));
        return priors;
    }

    @Override
    public double value(double x, double[] params) {
        double lam = params[0];
        return isPositiveFinite(lam) ? tanh(0.5 * lam * x) : Double.NaN;
    }

    @Override
    public void evaluate(double[] params, double[] x, int n, double[] value, double[] dx, double[][] dParams) {
        double lam = params[0];
        if (!isPositiveFinite(lam)) {
            fillNaN(n, value, dx, dParams, 1);
            return;
        }
        double[] dLam = dParams[0];
        assert x != dx && x != value && x != dLam : "x must not share an array with the outputs";
        double halfLam = 0.5 * lam;
        // lam > 0 and x >= 0 keep u = lam x / 2 >= 0, though the kernel is right for u < 0 too.
        TanhKernel.tanhAndSech2(halfLam, x, n, value, dx);
        for (int t = 0; t < n; t++) {
            double sech2 = dx[t];
            dx[t] = halfLam * sech2;
            dLam[t] = 0.5 * x[t] * sech2;
        }
    }
}
