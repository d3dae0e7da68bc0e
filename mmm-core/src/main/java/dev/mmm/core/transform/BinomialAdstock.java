package dev.mmm.core.transform;

import dev.mmm.priors.Distribution;
import dev.mmm.priors.Support;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Binomial decay: {@code w[l] = (1 - l/(L+1))^(1/alpha - 1)} for {@code l = 0..L-1},
 * divided by its sum when normalised (PyMC-Marketing {@code BinomialAdstock}, Meridian's
 * binomial decay with the same alpha in [0, 1]). Parameter {@code alpha} in [0, 1], default
 * prior Beta(1, 3).
 *
 * <p>{@code w[0] = 1} for every alpha (0^0 taken as 1 at alpha = 0, as the limit says).
 * alpha = 1 gives flat weights; alpha -> 0 concentrates all weight on lag 0, and at
 * alpha = 0 exactly the weights are [1, 0, ...] with derivative 0 (the right limit: every
 * lag-l > 0 weight vanishes faster than any power of alpha).
 */
public final class BinomialAdstock extends AbstractAdstock {

    /** log(1 - l/(L+1)) per lag, fixed by L. */
    private final double[] logBase;

    public BinomialAdstock(int lMax, boolean normalize) {
        super("binomial", lMax, normalize, List.of("alpha"), List.of(Support.UNIT_INTERVAL));
        logBase = new double[lMax];
        for (int l = 0; l < lMax; l++) {
            logBase[l] = Math.log1p(-(double) l / (lMax + 1));
        }
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
        double exponent = 1.0 / alpha - 1.0;
        w[0] = 1.0;
        for (int l = 1; l < count; l++) {
            w[l] = Math.exp(exponent * logBase[l]);
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
        double exponent = 1.0 / alpha - 1.0;
        double[] dAlpha = dw[0];
        w[0] = 1.0;
        dAlpha[0] = 0.0;
        for (int l = 1; l < count; l++) {
            double value = Math.exp(exponent * logBase[l]);
            w[l] = value;
            // d/dalpha of exp((1/alpha - 1) log b) = -value * log b / alpha^2; divided in two steps
            // so a tiny alpha cannot overflow alpha^2 to 0 while value has underflowed to 0.
            dAlpha[l] = value == 0.0 ? 0.0 : -value * logBase[l] / alpha / alpha;
        }
        if (normalize()) {
            normalizeWithJacobian(w, dw, 1, count);
        }
    }
}
