package dev.mmm.core.analysis;

import java.time.LocalDate;
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
