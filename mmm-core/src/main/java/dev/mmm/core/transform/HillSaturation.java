package dev.mmm.core.transform;

import dev.mmm.priors.Distribution;
import dev.mmm.priors.Support;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Hill saturation {@code f(x) = x^s / (x^s + kappa^s)} with {@code s = slope}: f(0) = 0,
 * increasing, f(kappa) = 1/2, f -> 1 as x -> inf. Parameters {@code slope > 0},
 * {@code kappa > 0} (in that order, as PyMC-Marketing), default priors HalfNormal(1.5) each.
 *
 * <p>Anchors: PyMC-Marketing's {@code HillSaturation} is {@code beta * (1 - kappa^s / (kappa^s
 * + x^s))}, the same f times their beta, which we keep outside. Meridian's Hill is
 * {@code x^s / (x^s + ec^s)} with {@code ec = kappa}. Robyn's is the same with
 * {@code kappa = gamma * max(x)} and {@code s = alpha}.
 *
 * <p>Computed as the logistic sigmoid of {@code s (log x - log kappa)}, so x^s never
 * overflows. At x = 0: f = 0, d/dslope = d/dkappa = 0, and df/dx is +Infinity for
 * slope < 1, 1/kappa for slope = 1 and 0 for slope > 1 (the right derivative).
 */
public final class HillSaturation extends AbstractSaturation {

    public HillSaturation() {
        super("hill", List.of("slope", "kappa"), List.of(Support.POSITIVE, Support.POSITIVE));
    }

    @Override
    public LinkedHashMap<String, Distribution> defaultPriors() {
        LinkedHashMap<String, Distribution> priors = new LinkedHashMap<>();
        priors.put("slope", DefaultPriors.halfNormal(1.5));
        priors.put("kappa", DefaultPriors.halfNormal(1.5));
        return priors;
    }

    private static double sigmoid(double v) {
        return v >= 0.0 ? 1.0 / (1.0 + Math.exp(-v)) : Math.exp(v) / (1.0 + Math.exp(v));
    }

    @Override
    public double value(double x, double[] params) {
        double slope = params[0];
        double kappa = params[1];
        if (!isPositiveFinite(slope) || !isPositiveFinite(kappa) || !(x >= 0.0)) {
            return Double.NaN;
        }
        return x == 0.0 ? 0.0 : sigmoid(slope * (Math.log(x) - Math.log(kappa)));
    }

    @Override
    public void evaluate(double[] params, double[] x, int n, double[] value, double[] dx, double[][] dParams) {
        double slope = params[0];
        double kappa = params[1];
        if (!isPositiveFinite(slope) || !isPositiveFinite(kappa)) {
            fillNaN(n, value, dx, dParams, 2);
            return;
        }
        double[] dSlope = dParams[0];
        double[] dKappa = dParams[1];
        double logKappa = Math.log(kappa);
        double slopeAtZero = slope < 1.0 ? Double.POSITIVE_INFINITY : slope == 1.0 ? 1.0 / kappa : 0.0;
        for (int t = 0; t < n; t++) {
            double xt = x[t];
            if (xt == 0.0) {
                value[t] = 0.0;
                dx[t] = slopeAtZero;
                dSlope[t] = 0.0;
                dKappa[t] = 0.0;
                continue;
            }
            double logRatio = Math.log(xt) - logKappa;
            double v = slope * logRatio;
            // f and 1 - f from the same exponential, each without cancellation.
            double e = Math.exp(-Math.abs(v));
            double f = v >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
            double oneMinusF = v >= 0.0 ? e / (1.0 + e) : 1.0 / (1.0 + e);
            double fPrime = f * oneMinusF;
            value[t] = f;
            dx[t] = fPrime * slope / xt;
            dSlope[t] = fPrime * logRatio;
            dKappa[t] = -fPrime * slope / kappa;
        }
    }
}
