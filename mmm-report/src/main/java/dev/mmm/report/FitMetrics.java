package dev.mmm.report;

import dev.mmm.report.view.PredictiveFit;

/**
 * How well the posterior mean matches what was observed.
 *
 * @param r2       coefficient of determination, {@code 1 - SS_res / SS_tot} (NaN if the target is constant)
 * @param mape     mean absolute percentage error, a fraction (NaN if any observed value is zero)
 * @param nrmse    root mean squared error over the observed range {@code max - min} (NaN if the target is constant)
 * @param coverage share of periods whose observed value lies within the 90% predictive interval (0.9 expected)
 */
public record FitMetrics(double r2, double mape, double nrmse, double coverage) {

    /** The metrics of a fit with observed values. */
    public static FitMetrics of(PredictiveFit fit) {
        if (!fit.hasObserved()) {
            throw new IllegalArgumentException("PredictiveFit for '" + fit.targetName() + "' has no observed values to compare with");
        }
        double[] y = fit.observed();
        double[] m = fit.mean();
        int n = y.length;
        double mean = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            mean += v / n;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double ssRes = 0;
        double ssTot = 0;
        double ape = 0;
        int covered = 0;
        boolean zero = false;
        for (int i = 0; i < n; i++) {
            double r = y[i] - m[i];
            ssRes += r * r;
            ssTot += (y[i] - mean) * (y[i] - mean);
            if (y[i] == 0) {
                zero = true;
            } else {
                ape += Math.abs(r / y[i]);
            }
            if (y[i] >= fit.q05()[i] && y[i] <= fit.q95()[i]) {
                covered++;
            }
        }
        double r2 = ssTot > 0 ? 1 - ssRes / ssTot : Double.NaN;
        double mape = zero ? Double.NaN : ape / n;
        double nrmse = max > min ? Math.sqrt(ssRes / n) / (max - min) : Double.NaN;
        return new FitMetrics(r2, mape, nrmse, (double) covered / n);
    }
}
