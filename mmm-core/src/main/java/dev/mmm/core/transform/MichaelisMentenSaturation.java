package dev.mmm.core.transform;

import dev.mmm.priors.Distribution;
import dev.mmm.priors.Support;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Michaelis-Menten saturation {@code f(x) = x / (lam + x)}: f(0) = 0, increasing, f -> 1 as
 * x -> inf, half-saturation at x = lam. Parameter {@code lam > 0}, default prior HalfNormal(1).
 *
 * <p>PyMC-Marketing's {@code MichaelisMentenSaturation} is {@code alpha * x / (lam + x)} with
 * alpha ~ Gamma(mu=2, sigma=1) the maximum; that alpha is our {@code beta}, outside.
 */
public final class MichaelisMentenSaturation extends AbstractSaturation {

    public MichaelisMentenSaturation() {
        super("michaelis_menten", List.of("lam"), List.of(Support.POSITIVE));
    }

    @Override
    public LinkedHashMap<String, Distribution> defaultPriors() {
        LinkedHashMap<String, Distribution> priors = new LinkedHashMap<>();
        priors.put("lam", DefaultPriors.halfNormal(1.0));
        return priors;
    }

    @Override
    public double value(double x, double[] params) {
        double lam = params[0];
        return isPositiveFinite(lam) ? x / (lam + x) : Double.NaN;
    }

    @Override
    public void evaluate(double[] params, double[] x, int n, double[] value, double[] dx, double[][] dParams) {
        double lam = params[0];
        if (!isPositiveFinite(lam)) {
            fillNaN(n, value, dx, dParams, 1);
            return;
        }
        double[] dLam = dParams[0];
        for (int t = 0; t < n; t++) {
            double xt = x[t];
            double inv = 1.0 / (lam + xt);
            double f = xt * inv;
            value[t] = f;
            // lam / (lam + x)^2 and -x / (lam + x)^2, written through f to avoid squaring a large sum.
            dx[t] = (1.0 - f) * inv;
            dLam[t] = -f * inv;
        }
    }
}
