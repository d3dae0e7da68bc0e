package dev.mmm.core.transform;

import dev.mmm.priors.Distribution;
import dev.mmm.priors.Support;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Geometric decay: {@code w[l] = alpha^l} for {@code l = 0..L-1}, divided by its sum when
 * normalised (PyMC-Marketing {@code GeometricAdstock}, Meridian's geometric decay; the
 * default model uses L = 8, normalised). Parameter {@code alpha} in [0, 1], default prior
 * Beta(1, 3).
 *
 * <p>Unnormalised, the recursion {@code y[t] = x[t] + alpha * y[t-1]} truncated at L lags
 * (Robyn's geometric adstock) is the same thing. Powers are built by repeated
 * multiplication, so {@code 0^0 = 1} and alpha = 0 and alpha = 1 are exact: at alpha = 0
 * the weights are [1, 0, ...] and the derivative is the one-sided (right) derivative
 * [0, 1, 0, ...] (before normalisation).
 */
public final class GeometricAdstock extends AbstractAdstock {

    public GeometricAdstock(int lMax, boolean normalize) {
        super("geometric", lMax, normalize, List.of("alpha"), List.of(Support.UNIT_INTERVAL));
    }

    @Override
    public int weightCount() {
        return lMax();
    }

    @Override
    public LinkedHashMap<String, Distribution> defaultPriors() {
        LinkedHashMap<String, Distribution> priors = new LinkedHashMap<>();
        priors.put("alpha", DefaultPriors.beta(1.0, 3.0));
        return priors;
    }

    @Override
    public void weights(double[] params, double[] w) {
        double alpha = params[0];
        int count = lMax();
        if (!isUnitInterval(alpha)) {
            fillNaN(w, null, 0, count);
            return;
        }
        double power = 1.0;
        for (int l = 0; l < count; l++) {
            w[l] = power;
            power *= alpha;
        }
        if (normalize()) {
            normalizeInPlace(w, count);
        }
    }

    @Override
    public void weightsAndJacobian(double[] params, double[] w, double[][] dw) {
        double alpha = params[0];
        int count = lMax();
        if (!isUnitInterval(alpha)) {
            fillNaN(w, dw, 1, count);
            return;
        }
        double[] dAlpha = dw[0];
        double power = 1.0;
        double previousPower = 0.0;
        for (int l = 0; l < count; l++) {
            w[l] = power;
            dAlpha[l] = l * previousPower;
            previousPower = power;
            power *= alpha;
        }
        if (normalize()) {
            normalizeWithJacobian(w, dw, 1, count);
        }
    }
}
