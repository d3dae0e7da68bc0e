package dev.mmm.report.view;

/**
 * How well the fit predicts the observed target, as core's {@code analysis.FitMetrics} computes it
 * from the predictive draws (the report only shows these numbers).
 *
 * @param r2       share of the target's variation the posterior predictive mean explains
 * @param mape     mean absolute percentage error, a fraction (NaN when undefined)
 * @param nrmse    root mean squared error over the target's range
 * @param crps     continuous ranked probability score, in the target's units
 * @param coverage share of periods inside the 90% predictive interval
 */
public record FitQuality(double r2, double mape, double nrmse, double crps, double coverage) {
}
