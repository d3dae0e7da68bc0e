package dev.mmm.core.analysis;

import dev.mmm.sampler.diagnostics.Diagnostics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well posterior predictive draws fit observed targets over a set of periods (the training
 * weeks, or held-out weeks). The point prediction is the mean of the predictive draws of each
 * period; every metric is computed on the periods of this set only.
 *
 * <ul>
 *   <li>{@code r2 = 1 - sum (y - yhat)^2 / sum (y - mean(y))^2}, {@code mean(y)} of this set (so
 *       out of sample it can be negative); NaN when y is constant.</li>
 *   <li>{@code mape = mean |y - yhat| / |y|} as a fraction (0.05 is 5%), over periods with
 *       {@code y != 0} only: a zero target has no percentage error, and how many were skipped is
 *       {@code mapeSkippedZeros}. NaN when every target is 0.</li>
 *   <li>{@code nrmse = sqrt(mean (y - yhat)^2) / (max(y) - min(y))}, as Robyn, with this set's
 *       range; NaN when y is constant.</li>
 *   <li>{@code crps}: the mean over periods of the continuous ranked probability score of the
 *       predictive draws, in target units (lower is better; it equals the absolute error for a
 *       point forecast). Energy form {@code E|X - y| - E|X - X'| / 2} with the unbiased
 *       ("fair", Ferro 2014) estimate of {@code E|X - X'|} over distinct pairs, computed in
 *       {@code O(S log S)} through probability weighted moments of the sorted draws:
 *       {@code E|X - X'| / 2 = sum_i (2i - S - 1) x_(i) / (S (S - 1))}.</li>
 *   <li>{@code coverage}: the share of periods whose target lies inside the central
 *       {@code intervalMass} interval of its predictive draws (R's type-7 quantiles); a
 *       calibrated model covers about {@code intervalMass}.</li>
 * </ul>
 *
 * @param periods          number of periods scored
 * @param r2               coefficient of determination of the predictive mean
 * @param mape             mean absolute percentage error, a fraction, zero targets skipped
 * @param mapeSkippedZeros periods left out of the MAPE because their target is 0
 * @param nrmse            root mean squared error over the target's range
 * @param crps             mean CRPS of the predictive draws, target units
 * @param intervalMass     mass of the central interval of {@code coverage}, e.g. 0.9
 * @param coverage         share of targets inside their central interval
 * @param warnings         plain-English notes (skipped zeros, constant target)
 */
public record FitMetrics(int periods, double r2, double mape, int mapeSkippedZeros, double nrmse, double crps,
                         double intervalMass, double coverage, List<String> warnings) {

    /** The central interval reported elsewhere in the project (q05..q95). */
    public static final double DEFAULT_INTERVAL_MASS = 0.9;

    /**
     * Metrics in sample and out of sample of one fit.
     *
     * @param inSample    the periods before the holdout
     * @param outOfSample the held-out periods
     */
    public record Holdout(FitMetrics inSample, FitMetrics outOfSample) {
    }

    /** Metrics of all periods with the 90% central interval. */
    public static FitMetrics of(double[] y, double[][] predictiveDraws) {
        return of(y, predictiveDraws, DEFAULT_INTERVAL_MASS);
    }

    /**
     * Metrics of all periods.
     *
     * @param y               observed target per period
     * @param predictiveDraws posterior predictive draws {@code [draw][period]}, in target units
     * @param intervalMass    mass of the central interval for coverage, in (0, 1)
     */
    public static FitMetrics of(double[] y, double[][] predictiveDraws, double intervalMass) {
        check(y, predictiveDraws, intervalMass);
        return over(y, predictiveDraws, 0, y.length, intervalMass);
    }

    /**
     * Metrics of periods {@code [0, firstHoldout)} (in sample) and {@code [firstHoldout, n)}
     * (out of sample), each on its own, from draws that cover all periods.
     */
    public static Holdout holdout(double[] y, double[][] predictiveDraws, int firstHoldout, double intervalMass) {
        check(y, predictiveDraws, intervalMass);
        if (firstHoldout < 2 || firstHoldout > y.length - 2) {
            throw new IllegalArgumentException("holdout starts at period " + (firstHoldout + 1) + " of " + y.length
                    + "; each side needs at least 2 periods");
        }
        return new Holdout(over(y, predictiveDraws, 0, firstHoldout, intervalMass),
                over(y, predictiveDraws, firstHoldout, y.length, intervalMass));
    }

    /** Mean of the draws of each period. */
    public static double[] predictiveMean(double[][] predictiveDraws) {
        int periods = predictiveDraws[0].length;
        double[] mean = new double[periods];
        for (double[] draw : predictiveDraws) {
            for (int t = 0; t < periods; t++) {
                mean[t] += draw[t];
            }
        }
        for (int t = 0; t < periods; t++) {
            mean[t] /= predictiveDraws.length;
        }
        return mean;
    }

    /**
     * CRPS of one period's predictive draws at the observed {@code y}, by the unbiased energy
     * form (see the class comment). Needs at least 2 draws.
     */
    public static double crps(double[] draws, double y) {
        int s = draws.length;
        if (s < 2) {
            throw new IllegalArgumentException("CRPS needs at least 2 predictive draws, got " + s);
        }
        double[] sorted = draws.clone();
        Arrays.sort(sorted);
        double absoluteError = 0;
        double spread = 0;
        for (int i = 0; i < s; i++) {
            absoluteError += Math.abs(sorted[i] - y);
            spread += (2.0 * (i + 1) - s - 1) * sorted[i];
        }
        return absoluteError / s - spread / ((double) s * (s - 1));
    }

    private static FitMetrics over(double[] y, double[][] draws, int from, int to, double mass) {
        int n = to - from;
        double[] mean = predictiveMean(draws);
        double yMean = 0;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (int t = from; t < to; t++) {
            yMean += y[t];
            yMin = Math.min(yMin, y[t]);
            yMax = Math.max(yMax, y[t]);
        }
        yMean /= n;
        double ssRes = 0;
        double ssTot = 0;
        double ape = 0;
        int zeros = 0;
        double crps = 0;
        int covered = 0;
        double[] column = new double[draws.length];
        double[][] asChain = {column};
        for (int t = from; t < to; t++) {
            double e = y[t] - mean[t];
            ssRes += e * e;
            ssTot += (y[t] - yMean) * (y[t] - yMean);
            if (y[t] == 0) {
                zeros++;
            } else {
                ape += Math.abs(e / y[t]);
            }
            for (int s = 0; s < draws.length; s++) {
                column[s] = draws[s][t];
            }
            crps += crps(column, y[t]);
            double lo = Diagnostics.quantile(asChain, (1 - mass) / 2);
            double hi = Diagnostics.quantile(asChain, (1 + mass) / 2);
            if (y[t] >= lo && y[t] <= hi) {
                covered++;
            }
        }
        List<String> warnings = new ArrayList<>();
        if (zeros > 0) {
            warnings.add(zeros == n
                    ? "MAPE is undefined: every target is 0."
                    : "MAPE skips " + zeros + " of " + n + " periods whose target is 0 (no percentage error exists there).");
        }
        if (yMax == yMin) {
            warnings.add("R^2 and NRMSE are undefined: the target is constant (" + yMin + ") over these periods.");
        }
        double r2 = ssTot > 0 ? 1 - ssRes / ssTot : Double.NaN;
        double nrmse = yMax > yMin ? Math.sqrt(ssRes / n) / (yMax - yMin) : Double.NaN;
        double mape = zeros < n ? ape / (n - zeros) : Double.NaN;
        return new FitMetrics(n, r2, mape, zeros, nrmse, crps / n, mass, (double) covered / n, List.copyOf(warnings));
    }

    private static void check(double[] y, double[][] draws, double mass) {
        if (!(mass > 0 && mass < 1)) {
            throw new IllegalArgumentException("interval mass must be in (0, 1), got " + mass);
        }
        if (y.length == 0) {
            throw new IllegalArgumentException("no periods to score");
        }
        if (draws.length < 2) {
            throw new IllegalArgumentException("need at least 2 predictive draws, got " + draws.length);
        }
        for (int t = 0; t < y.length; t++) {
            if (!Double.isFinite(y[t])) {
                throw new IllegalArgumentException("target is " + y[t] + " at period " + (t + 1) + "; it must be finite");
            }
        }
        for (int s = 0; s < draws.length; s++) {
            if (draws[s].length != y.length) {
                throw new IllegalArgumentException("predictive draw " + (s + 1) + " has " + draws[s].length
                        + " periods, the target has " + y.length);
            }
            for (int t = 0; t < y.length; t++) {
                if (!Double.isFinite(draws[s][t])) {
                    throw new IllegalArgumentException("predictive draw " + (s + 1) + " is " + draws[s][t]
                            + " at period " + (t + 1) + "; every draw must be finite");
                }
            }
        }
    }
}
