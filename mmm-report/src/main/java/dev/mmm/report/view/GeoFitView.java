package dev.mmm.report.view;

/**
 * One geo's fit over the training periods: its expected target against what was observed, with
 * the totals and the R^2 of the posterior-mean prediction.
 *
 * @param geo            the geo
 * @param fit            the geo's expected target per period ({@link PredictiveFit#predictive()} false) and observed target
 * @param observedTotal  the observed target summed over the periods
 * @param predictedTotal the expected target summed over the periods: posterior mean and 90% interval
 * @param rSquared       R^2 of the posterior-mean prediction, NaN when the target is constant
 */
public record GeoFitView(String geo, PredictiveFit fit, double observedTotal, Estimate predictedTotal, double rSquared) {

    /** Checks the name, that the fit is there with its observations, and the observed total's finiteness. */
    public GeoFitView {
        Checks.name(geo, "GeoFitView.geo");
        Checks.notNull(fit, "GeoFitView '" + geo + "'.fit");
        Checks.notNull(predictedTotal, "GeoFitView '" + geo + "'.predictedTotal");
        Checks.finite(observedTotal, "GeoFitView '" + geo + "'.observedTotal");
        if (!fit.hasObserved()) {
            throw new IllegalArgumentException("GeoFitView '" + geo + "'.fit has no observed values");
        }
    }
}
