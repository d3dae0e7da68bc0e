package dev.mmm.core.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The prediction over a window split into its parts, in the target's units: each channel, each
 * synergy, the intercept, trend, seasonality, controls and events, and the two groups baseline
 * and media. Per part the per-period intervals, the total over the window and its share of the
 * total prediction. The means of the parts add up, in every period, to the mean prediction
 * (exactly under the identity link; under the log link by {@link LogLinkAttribution}'s rule).
 *
 * @param dates      the window's dates
 * @param prediction the expected target per period
 * @param parts      one per contribution series, in the model's order
 * @param baseline   the non-media parts together
 * @param media      channels and synergies together
 */
public record Decomposition(List<LocalDate> dates, Series prediction, List<Series> parts, Series baseline,
                            Series media) {

    /**
     * One part.
     *
     * @param name      a channel's name, {@code intercept}, {@code trend}, {@code fourier}, {@code controls},
     *                  {@code events}, {@code synergy[a:b]}, ...
     * @param media     whether the part is a channel or a synergy
     * @param perPeriod intervals per period (empty when not asked for)
     * @param total     the sum over the window
     * @param share     total / the total prediction
     */
    public record Series(String name, boolean media, List<Interval> perPeriod, Interval total, Interval share) {

        /**
         * A part from its draws: {@code perDraw[d][t]} its value per draw and period (null: no
         * per-period intervals), {@code total[d]} its window total, its share per draw the total
         * over {@code predictionTotal[d]}; {@code n} periods.
         */
        public static Series of(String name, boolean media, double[][] perDraw, double[] total,
                                double[] predictionTotal, int n) {
            List<Interval> perPeriod = new ArrayList<>();
            if (perDraw != null) {
                double[] column = new double[perDraw.length];
                for (int t = 0; t < n; t++) {
                    for (int d = 0; d < perDraw.length; d++) {
                        column[d] = perDraw[d][t];
                    }
                    perPeriod.add(Interval.of(column));
                }
            }
            double[] share = new double[total.length];
            for (int d = 0; d < total.length; d++) {
                share[d] = total[d] / predictionTotal[d];
            }
            return new Series(name, media, perPeriod, Interval.of(total), Interval.of(share));
        }
    }

    public Series part(String name) {
        for (Series s : parts) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no part named '" + name + "'");
    }
}
