package dev.mmm.core.transform;

import dev.mmm.priors.Distribution;
import dev.mmm.priors.Support;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Weibull PDF lag weights, as PyMC-Marketing's {@code WeibullPDFAdstock}: the Weibull
 * density with shape {@code k} and scale {@code lam} at {@code t = l + 1}, {@code l = 0..L-1},
 * min-max rescaled to [0, 1] ({@code w = (p - min p) / (max p - min p)}), then divided by its
 * sum when normalised. The peak can sit after lag 0. Default priors lam ~ Gamma(mu=2,
 * sigma=1), k ~ Gamma(mu=3, sigma=1). (Robyn rescales the same density the same way but
 * maps its scale through a quantile of 1..L first; we follow PyMC-Marketing.)
 *
 * <p>The smallest weight is exactly 0 and the largest exactly 1. The rescaling is done on
 * log densities ({@code p_l / p_max = exp(log p_l - log p_max)}), so it holds when every
 * density underflows.
 *
 * <p>Edges: the min-max rescaling is only piecewise smooth: where two lags tie for the
 * smallest or the largest density the Jacobian is the one-sided derivative with the
 * lowest tying lag as argmin/argmax. When max == min (always for L = 1) PyMC-Marketing
 * divides 0 by 0; we return flat weights (all 1, normalised 1/L) with a zero Jacobian.
 */
public final class WeibullPdfAdstock extends AbstractAdstock {

    public WeibullPdfAdstock(int lMax, boolean normalize) {
        super("weibull_pdf", lMax, normalize, List.of("lam", "k"),
                List.of(Support.POSITIVE, Support.POSITIVE));
    }

    @Override
    public int weightCount() {
        return lMax();
    }

    @Override
    public LinkedHashMap<String, Distribution> defaultPriors() {
        LinkedHashMap<String, Distribution> priors = new LinkedHashMap<>();
        priors.put("lam", DefaultPriors.gammaMeanSd(2.0, 1.0));
        priors.put("k", DefaultPriors.gammaMeanSd(3.0, 1.0));
        return priors;
    }

    /** log of the Weibull(shape k, scale lam) density at t > 0; logLam = log(lam). */
    private static double logDensity(double t, double lam, double k, double logLam) {
        return Math.log(k) - logLam + (k - 1.0) * (Math.log(t) - logLam) - Math.pow(t / lam, k);
    }

    @Override
    public void weights(double[] params, double[] w) {
        double lam = params[0];
        double k = params[1];
        int count = lMax();
        if (!isPositiveFinite(lam) || !isPositiveFinite(k)) {
            fillNaN(w, null, 0, count);
            return;
        }
        double logLam = Math.log(lam);
        int argMin = 0;
        int argMax = 0;
        for (int l = 0; l < count; l++) {
            double lp = logDensity(l + 1, lam, k, logLam);
            w[l] = lp;
            if (lp < w[argMin]) {
                argMin = l;
            }
            if (lp > w[argMax]) {
                argMax = l;
            }
        }
        rescaleFromLogDensities(w, null, null, null, argMin, argMax, count);
        if (normalize()) {
            normalizeInPlace(w, count);
        }
    }

    @Override
    public void weightsAndJacobian(double[] params, double[] w, double[][] dw) {
        double lam = params[0];
        double k = params[1];
        int count = lMax();
        if (!isPositiveFinite(lam) || !isPositiveFinite(k)) {
            fillNaN(w, dw, 2, count);
            return;
        }
        double[] gLam = dw[0];
        double[] gK = dw[1];
        double logLam = Math.log(lam);
        int argMin = 0;
        int argMax = 0;
        for (int l = 0; l < count; l++) {
            double logZ = Math.log(l + 1) - logLam;
            double zk = Math.pow((l + 1) / lam, k);
            double lp = logDensity(l + 1, lam, k, logLam);
            w[l] = lp;
            // d log p / d lam and d log p / d k; the rescaling below turns them into dw.
            gLam[l] = k / lam * (zk - 1.0);
            gK[l] = 1.0 / k + logZ * (1.0 - zk);
            if (lp < w[argMin]) {
                argMin = l;
            }
            if (lp > w[argMax]) {
                argMax = l;
            }
        }
        rescaleFromLogDensities(w, dw, gLam, gK, argMin, argMax, count);
        if (normalize()) {
            normalizeWithJacobian(w, dw, 2, count);
        }
    }

    /**
     * Replaces log densities lp (in w) by (p - p_min) / (p_max - p_min) and, if dw is given,
     * the score functions g = d lp / d param (in gLam, gK, which alias dw's rows) by the
     * derivative of the rescaled weight. With q_l = p_l / p_max, w_l = (q_l - q_min) / (1 - q_min)
     * and dw_l = (dq_l - dq_min + w_l dq_min) / (1 - q_min), dq_l = q_l (g_l - g_max).
     */
    private static void rescaleFromLogDensities(double[] w, double[][] dw, double[] gLam, double[] gK,
                                                int argMin, int argMax, int count) {
        double lpMin = w[argMin];
        double lpMax = w[argMax];
        if (!(lpMax > lpMin)) {
            for (int l = 0; l < count; l++) {
                w[l] = 1.0;
            }
            if (dw != null) {
                for (int l = 0; l < count; l++) {
                    gLam[l] = 0.0;
                    gK[l] = 0.0;
                }
            }
            return;
        }
        double qMin = Math.exp(lpMin - lpMax);
        double denominator = -Math.expm1(lpMin - lpMax);
        double gLamMax = 0.0;
        double gKMax = 0.0;
        double dqMinLam = 0.0;
        double dqMinK = 0.0;
        if (dw != null) {
            gLamMax = gLam[argMax];
            gKMax = gK[argMax];
            if (qMin > 0.0) {
                dqMinLam = qMin * (gLam[argMin] - gLamMax);
                dqMinK = qMin * (gK[argMin] - gKMax);
            }
        }
        for (int l = 0; l < count; l++) {
            double lp = w[l];
            double q = Math.exp(lp - lpMax);
            // When all densities are close (qMin near 1) q - qMin cancels; qMin * expm1(lp - lpMin)
            // does not, and lp - lpMin < log 2 there so it cannot overflow.
            double numerator = qMin > 0.5 ? qMin * Math.expm1(lp - lpMin) : q - qMin;
            double weight = numerator / denominator;
            w[l] = weight;
            if (dw != null) {
                double dqLam = q == 0.0 ? 0.0 : q * (gLam[l] - gLamMax);
                double dqK = q == 0.0 ? 0.0 : q * (gK[l] - gKMax);
                gLam[l] = (dqLam - dqMinLam + weight * dqMinLam) / denominator;
                gK[l] = (dqK - dqMinK + weight * dqMinK) / denominator;
            }
        }
        w[argMin] = 0.0;
        w[argMax] = 1.0;
        if (dw != null) {
            gLam[argMin] = 0.0;
            gK[argMin] = 0.0;
            gLam[argMax] = 0.0;
            gK[argMax] = 0.0;
        }
    }
}
