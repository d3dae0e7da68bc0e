package dev.mmm.core.analysis;

import java.time.LocalDate;
import java.util.List;

/**
 * Predictive distribution per period, in the target's units.
 *
 * @param dates       one per period
 * @param mean        the expected target (the posterior of the mean)
 * @param predictive  a new observation (the posterior predictive, with the likelihood's noise)
 * @param observed    the observed target where known, else NaN
 * @param draws       {@code [draw][period]} predictive draws when asked for, else null
 */
public record Prediction(List<LocalDate> dates, List<Interval> mean, List<Interval> predictive, double[] observed,
                         double[][] draws) {

    /** Share of periods with an observation inside the 90% predictive interval. */
    public double coverage90() {
        int n = 0;
        int inside = 0;
        for (int t = 0; t < observed.length; t++) {
            if (!Double.isNaN(observed[t])) {
                n++;
                if (predictive.get(t).covers(observed[t])) {
                    inside++;
                }
            }
        }
        return n == 0 ? Double.NaN : inside / (double) n;
    }
}
