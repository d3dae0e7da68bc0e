package dev.mmm.core.analysis;

import java.util.List;

/**
 * A channel's response to its spend in a reference window scaled by each multiplier, carry-over
 * past the window included: the incremental target over zero spend in the window.
 *
 * @param channel      the channel
 * @param multipliers  e.g. 0, 0.1, ..., 2
 * @param spend        multiplier times the window's spend
 * @param response     incremental target at each point
 * @param marginalRoas d response / d spend at each point (central differences on the grid, one-sided at the ends)
 * @param currentSpend the window's actual spend (multiplier 1)
 */
public record ResponseCurve(String channel, double[] multipliers, double[] spend, List<Interval> response,
                            List<Interval> marginalRoas, double currentSpend) {

    /**
     * The spend at which the posterior mean marginal ROAS first falls below {@code value},
     * interpolated linearly on the grid; NaN if it never does on the grid, 0 if it starts below.
     */
    public double spendWhereMarginalRoasFallsBelow(double value) {
        double previous = marginalRoas.get(0).mean();
        if (previous < value) {
            return 0.0;
        }
        for (int j = 1; j < spend.length; j++) {
            double m = marginalRoas.get(j).mean();
            if (m < value) {
                double f = (previous - value) / (previous - m);
                return spend[j - 1] + f * (spend[j] - spend[j - 1]);
            }
            previous = m;
        }
        return Double.NaN;
    }
}
