package dev.mmm.report.view;

import java.time.LocalDate;
import java.util.List;

/**
 * The posterior predictive distribution of the target over time, with what was observed; or, when
 * {@code predictive} is false, the posterior of the expected target (the band without the
 * observation noise, as a geo model's national fit gives it).
 *
 * @param targetName the target column (for titles and axis labels)
 * @param dates      one date per period, increasing
 * @param mean       posterior predictive mean per period
 * @param q05        5% quantile per period
 * @param q95        95% quantile per period
 * @param observed   the observed target per period, or null for periods without one (a forecast)
 * @param predictive true when the band is the posterior predictive's (noise included), false when it is
 *                   the expected target's
 */
public record PredictiveFit(String targetName, List<LocalDate> dates, double[] mean, double[] q05, double[] q95,
                            double[] observed, boolean predictive) {

    /** A posterior predictive fit (the band includes the observation noise). */
    public PredictiveFit(String targetName, List<LocalDate> dates, double[] mean, double[] q05, double[] q95,
                         double[] observed) {
        this(targetName, dates, mean, q05, q95, observed, true);
    }

    /** Checks lengths, finiteness, increasing dates and {@code q05 <= q95}. */
    public PredictiveFit {
        Checks.name(targetName, "PredictiveFit.targetName");
        dates = Dates.increasing(dates, "PredictiveFit.dates");
        mean = Checks.finite(mean, "PredictiveFit.mean");
        q05 = Checks.finite(q05, "PredictiveFit.q05");
        q95 = Checks.finite(q95, "PredictiveFit.q95");
        Checks.length(mean, dates.size(), "PredictiveFit.mean", "dates");
        Checks.length(q05, dates.size(), "PredictiveFit.q05", "dates");
        Checks.length(q95, dates.size(), "PredictiveFit.q95", "dates");
        Checks.ordered(q05, q95, "PredictiveFit");
        if (observed != null) {
            observed = Checks.finite(observed, "PredictiveFit.observed");
            Checks.length(observed, dates.size(), "PredictiveFit.observed", "dates");
        }
    }

    /** True when observed values are given. */
    public boolean hasObserved() {
        return observed != null;
    }

    /** Observed minus predicted mean per period; requires observed values. */
    public double[] residuals() {
        if (observed == null) {
            throw new IllegalStateException("PredictiveFit has no observed values, so no residuals");
        }
        double[] r = new double[mean.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = observed[i] - mean[i];
        }
        return r;
    }
}
