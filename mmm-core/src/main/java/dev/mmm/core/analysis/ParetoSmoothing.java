package dev.mmm.core.analysis;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Pareto smoothing of one vector of log importance ratios, as loo's {@code do_psis_i}
 * (loo 2.5.1): the largest {@code tailLength} ratios are replaced by the expected order
 * statistics {@code log(q((j - 0.5) / M) + exp(cutoff))} of a generalized Pareto distribution
 * fitted to their exceedances over the next-largest ratio, then every log weight is capped at
 * the largest raw one. The result is unnormalised log weights.
 */
final class ParetoSmoothing {

    /** loo's test for a flat tail: a range below {@code .Machine$double.eps / 100}. */
    private static final double FLAT_TAIL = Math.ulp(1.0) / 100;

    private ParetoSmoothing() {
    }

    /**
     * What smoothing found.
     *
     * @param k        the fitted Pareto shape; infinite when the tail was not fitted
     * @param flatTail the tail was long enough but all its ratios were equal
     */
    record Outcome(double k, boolean flatTail) {
    }

    /** Replaces {@code logRatios} by smoothed, capped, unnormalised log weights. */
    static Outcome smoothInPlace(double[] logRatios, int tailLength) {
        int draws = logRatios.length;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logRatios) {
            max = Math.max(max, v);
        }
        for (int s = 0; s < draws; s++) {
            logRatios[s] -= max;
        }
        double k = Double.POSITIVE_INFINITY;
        boolean flatTail = false;
        if (tailLength >= PsisLoo.MIN_TAIL_LENGTH && tailLength < draws) {
            int[] tailIndex = largest(logRatios, tailLength + 1);
            double[] tail = new double[tailLength];
            for (int j = 0; j < tailLength; j++) {
                tail[j] = logRatios[tailIndex[j + 1]];
            }
            if (Math.abs(tail[tailLength - 1] - tail[0]) < FLAT_TAIL) {
                flatTail = true;
            } else {
                double cutoff = logRatios[tailIndex[0]];
                double expCutoff = Math.exp(cutoff);
                double[] exceedances = new double[tailLength];
                for (int j = 0; j < tailLength; j++) {
                    exceedances[j] = Math.exp(tail[j]) - expCutoff;
                }
                GeneralizedParetoFit fit = GeneralizedParetoFit.fit(exceedances);
                k = fit.k();
                if (Double.isFinite(k)) {
                    for (int j = 0; j < tailLength; j++) {
                        double p = (j + 0.5) / tailLength;
                        logRatios[tailIndex[j + 1]] = Math.log(fit.quantile(p) + expCutoff);
                    }
                }
            }
        }
        for (int s = 0; s < draws; s++) {
            logRatios[s] = Math.min(logRatios[s], 0) + max;
        }
        return new Outcome(k, flatTail);
    }

    /**
     * Indices of the {@code count} largest values in ascending order, as the last {@code count}
     * of a stable ascending sort (R's {@code sort.int}): among equal values the later index sorts
     * later. A primitive sort of the values finds the threshold; only the few indices at or above
     * it are then ordered, instead of boxing and sorting all S.
     */
    static int[] largest(double[] values, int count) {
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double threshold = sorted[n - count];
        int above = 0;
        for (double v : values) {
            if (v > threshold) {
                above++;
            }
        }
        // ties at the threshold: the tail takes the latest-indexed ones, as a stable sort would
        int tiesWanted = count - above;
        int tiesSeen = 0;
        for (double v : values) {
            if (v == threshold) {
                tiesSeen++;
            }
        }
        int tiesToSkip = tiesSeen - tiesWanted;
        Integer[] picked = new Integer[count];
        int filled = 0;
        for (int s = 0; s < n; s++) {
            if (values[s] > threshold) {
                picked[filled++] = s;
            } else if (values[s] == threshold) {
                if (tiesToSkip > 0) {
                    tiesToSkip--;
                } else {
                    picked[filled++] = s;
                }
            }
        }
        Arrays.sort(picked, Comparator.comparingDouble((Integer s) -> values[s]).thenComparingInt(s -> s));
        int[] out = new int[count];
        for (int j = 0; j < count; j++) {
            out[j] = picked[j];
        }
        return out;
    }
}
