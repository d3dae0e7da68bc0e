package dev.mmm.core.analysis;

import java.util.ArrayList;
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
     * The curve from draws of the incremental target at each multiplier ({@code response[j][d]}:
     * point j, draw d) of a window spend {@code windowSpend}; the marginal ROAS by central
     * differences on the grid, one-sided at the ends.
     */
    public static ResponseCurve of(String channel, double[] multipliers, double windowSpend, double[][] response) {
        int points = multipliers.length;
        int draws = response[0].length;
        double[] spend = new double[points];
        for (int j = 0; j < points; j++) {
            spend[j] = multipliers[j] * windowSpend;
        }
        List<Interval> responseIntervals = new ArrayList<>();
        List<Interval> marginal = new ArrayList<>();
        double[] slope = new double[draws];
        for (int j = 0; j < points; j++) {
            responseIntervals.add(Interval.of(response[j]));
            int lo = Math.max(0, j - 1);
            int hi = Math.min(points - 1, j + 1);
            double run = spend[hi] - spend[lo];
            for (int d = 0; d < draws; d++) {
                slope[d] = run > 0 ? (response[hi][d] - response[lo][d]) / run : Double.NaN;
            }
            marginal.add(Interval.of(slope));
        }
        return new ResponseCurve(channel, multipliers.clone(), spend, responseIntervals, marginal, windowSpend);
    }

    /** Checks a grid of multipliers: at least two points, starting at 0, strictly ascending. */
    public static void checkMultipliers(double[] multipliers) {
        if (multipliers.length < 2 || multipliers[0] != 0.0) {
            throw new IllegalArgumentException("multipliers must start at 0 and have at least two points");
        }
        for (int j = 1; j < multipliers.length; j++) {
            if (!(multipliers[j] > multipliers[j - 1])) {
                throw new IllegalArgumentException("multipliers must be strictly ascending, got "
                        + java.util.Arrays.toString(multipliers));
            }
        }
    }

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
