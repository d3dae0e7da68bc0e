package dev.mmm.core.transform;

import dev.mmm.priors.Distribution;
import dev.mmm.priors.Support;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Delayed peak: {@code w[l] = alpha^((l - theta)^2)} for {@code l = 0..L-1}, divided by its
 * sum when normalised (PyMC-Marketing {@code DelayedAdstock}, LightweightMMM's carryover).
 * Parameters {@code alpha} in [0, 1] (default prior Beta(1, 3)) and {@code theta >= 0}, the
 * lag of the peak (default prior HalfNormal(1)); the largest weight sits at the lag nearest
 * theta.
 *
 * <p>Normalised weights are computed as {@code alpha^((l-theta)^2 - min_j (j-theta)^2)}
 * before division, so they stay finite when every raw weight underflows (tiny alpha, theta
 * far beyond L) and reach the right limit at alpha = 0: all the weight on the lag(s)
 * nearest theta. {@code 0^0 = 1}.
 *
 * <p>Edges: at alpha = 0 exactly the derivatives are one-sided and may be infinite (for a
 * lag with 0 < (l-theta)^2 < 1 unnormalised, or a second-nearest lag within distance 1 of
 * the nearest one normalised): unnormalised we return the exact value (+Infinity where it
 * is), normalised we return 0 there. At alpha = 1 the weights are flat and d/dtheta = 0.
 */
public final class DelayedAdstock extends AbstractAdstock {

    public DelayedAdstock(int lMax, boolean normalize) {
        super("delayed", lMax, normalize, List.of("alpha", "theta"),
                List.of(Support.UNIT_INTERVAL, Support.POSITIVE));
    }

    @Override
    public int weightCount() {
        return lMax();
    }

    @Override
    public LinkedHashMap<String, Distribution> defaultPriors() {
        LinkedHashMap<String, Distribution> priors = new LinkedHashMap<>();
        priors.put("alpha", DefaultPriors.beta(1.0, 3.0));
        priors.put("theta", DefaultPriors.halfNormal(1.0));
        return priors;
    }

    private static boolean legal(double alpha, double theta) {
        return isUnitInterval(alpha) && theta >= 0.0 && theta < Double.POSITIVE_INFINITY;
    }

    /** Smallest (l - theta)^2 over the lags. */
    private double minSquaredDistance(double theta) {
        int nearest = (int) Math.min(lMax() - 1, Math.round(theta));
        double d = nearest - theta;
        return d * d;
    }

    @Override
    public void weights(double[] params, double[] w) {
        double alpha = params[0];
        double theta = params[1];
        int count = lMax();
        if (!legal(alpha, theta)) {
            fillNaN(w, null, 0, count);
            return;
        }
        if (normalize()) {
            double logAlpha = Math.log(alpha);
            double minSq = minSquaredDistance(theta);
            for (int l = 0; l < count; l++) {
                double d = l - theta;
                double excess = d * d - minSq;
                w[l] = excess == 0.0 ? 1.0 : Math.exp(logAlpha * excess);
            }
            normalizeInPlace(w, count);
        } else {
            for (int l = 0; l < count; l++) {
                double d = l - theta;
                w[l] = Math.pow(alpha, d * d);
            }
        }
    }

    @Override
    public void weightsAndJacobian(double[] params, double[] w, double[][] dw) {
        double alpha = params[0];
        double theta = params[1];
        int count = lMax();
        if (!legal(alpha, theta)) {
            fillNaN(w, dw, 2, count);
            return;
        }
        double[] dAlpha = dw[0];
        double[] dTheta = dw[1];
        double logAlpha = Math.log(alpha);
        if (normalize()) {
            int nearest = (int) Math.min(count - 1, Math.round(theta));
            double dNearest = nearest - theta;
            double minSq = dNearest * dNearest;
            for (int l = 0; l < count; l++) {
                double d = l - theta;
                double excess = d * d - minSq;
                // excess == 0 on the nearest lag(s): 0^0 = 1 at alpha = 0, where exp(-inf * 0) would be NaN.
                double value = excess == 0.0 ? 1.0 : Math.exp(logAlpha * excess);
                w[l] = value;
                dAlpha[l] = (value == 0.0 || excess == 0.0) ? 0.0 : excess * value / alpha;
                // d(excess)/dtheta = 2 (dNearest - d), with the nearest lag held fixed: on a tie
                // either choice gives the same normalised weights.
                dTheta[l] = (value == 0.0 || logAlpha == Double.NEGATIVE_INFINITY)
                        ? 0.0 : value * logAlpha * 2.0 * (dNearest - d);
            }
            normalizeWithJacobian(w, dw, 2, count);
        } else {
            for (int l = 0; l < count; l++) {
                double d = l - theta;
                double sq = d * d;
                double value = Math.pow(alpha, sq);
                w[l] = value;
                dAlpha[l] = sq == 0.0 ? 0.0 : sq * Math.pow(alpha, sq - 1.0);
                dTheta[l] = (value == 0.0 || d == 0.0) ? 0.0 : -2.0 * d * value * logAlpha;
            }
        }
    }
}
