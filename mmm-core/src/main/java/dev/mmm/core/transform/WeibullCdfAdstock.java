package dev.mmm.core.transform;

import dev.mmm.priors.Distribution;
import dev.mmm.priors.Support;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Weibull survival lag weights, as PyMC-Marketing's {@code WeibullCDFAdstock}:
 * {@code w = cumprod([1, 1 - F(1), 1 - F(2), ..., 1 - F(L)])}, with F the Weibull CDF of
 * shape {@code k} and scale {@code lam}: <b>L + 1 weights</b> (lags 0..L), divided by their
 * sum when normalised. Default priors lam ~ Gamma(mu=2, sigma=2.5), k ~ Gamma(mu=2,
 * sigma=2.5). (Robyn's version stops at 1 - F(L-1), giving L weights.)
 *
 * <p>With {@code 1 - F(t) = exp(-(t/lam)^k)}, {@code w[m] = exp(-sum_{t<=m} (t/lam)^k)}, which
 * we compute in that form: no cancellation in 1 - F, and the weights decrease from
 * {@code w[0] = 1}. Smooth in both parameters on (0, inf)^2.
 */
public final class WeibullCdfAdstock extends AbstractAdstock {

    public WeibullCdfAdstock(int lMax, boolean normalize) {
        super("weibull_cdf", lMax, normalize, List.of("lam", "k"),
                List.of(Support.POSITIVE, Support.POSITIVE));
    }

    /** L + 1, as the anchor says. */
    @Override
    public int weightCount() {
        return lMax() + 1;
    }

    @Override
    public LinkedHashMap<String, Distribution> defaultPriors() {
        LinkedHashMap<String, Distribution> priors = new LinkedHashMap<>();
        priors.put("lam", DefaultPriors.gammaMeanSd(2.0, 2.5));
        priors.put("k", DefaultPriors.gammaMeanSd(2.0, 2.5));
        return priors;
    }

    @Override
    public void weights(double[] params, double[] w) {
        double lam = params[0];
        double k = params[1];
        int count = weightCount();
        if (!isPositiveFinite(lam) || !isPositiveFinite(k)) {
            fillNaN(w, null, 0, count);
            return;
        }
        double cumulativeHazard = 0.0;
        w[0] = 1.0;
        for (int m = 1; m < count; m++) {
            cumulativeHazard += Math.pow(m / lam, k);
            w[m] = Math.exp(-cumulativeHazard);
        }
        if (normalize()) {
            normalizeInPlace(w, count);
        }
    }

    @Override
    public void weightsAndJacobian(double[] params, double[] w, double[][] dw) {
        double lam = params[0];
        double k = params[1];
        int count = weightCount();
        if (!isPositiveFinite(lam) || !isPositiveFinite(k)) {
            fillNaN(w, dw, 2, count);
            return;
        }
        double[] dLam = dw[0];
        double[] dK = dw[1];
        double logLam = Math.log(lam);
        double cumulativeHazard = 0.0;
        // Running sums of d(hazard)/dlam and d(hazard)/dk: w[m] = exp(-H_m) so dw[m] = -w[m] dH_m.
        double hazardDLam = 0.0;
        double hazardDK = 0.0;
        w[0] = 1.0;
        dLam[0] = 0.0;
        dK[0] = 0.0;
        for (int m = 1; m < count; m++) {
            double logZ = Math.log(m) - logLam;
            double zk = Math.pow(m / lam, k);
            cumulativeHazard += zk;
            hazardDLam -= k / lam * zk;
            hazardDK += zk * logZ;
            double value = Math.exp(-cumulativeHazard);
            w[m] = value;
            dLam[m] = value == 0.0 ? 0.0 : -value * hazardDLam;
            dK[m] = value == 0.0 ? 0.0 : -value * hazardDK;
        }
        if (normalize()) {
            normalizeWithJacobian(w, dw, 2, count);
        }
    }
}
