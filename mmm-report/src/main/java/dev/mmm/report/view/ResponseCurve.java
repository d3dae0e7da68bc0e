package dev.mmm.report.view;

/**
 * A channel's response curve: the expected contribution (target units, per period) at each spend
 * level of a grid, with its 90% band, and the channel's current (average) spend.
 *
 * @param channel      channel name
 * @param spend        spend grid, increasing
 * @param mean         posterior mean response per grid point
 * @param q05          5% quantile per grid point
 * @param q95          95% quantile per grid point
 * @param currentSpend the current spend level, marked on the curve; within the grid's range
 */
public record ResponseCurve(String channel, double[] spend, double[] mean, double[] q05, double[] q95, double currentSpend) {
    /** Checks lengths, finiteness, an increasing grid, {@code q05 <= q95} and the current spend's range. */
    public ResponseCurve {
        Checks.name(channel, "ResponseCurve.channel");
        String what = "ResponseCurve '" + channel + "'";
        spend = Checks.finite(spend, what + ".spend");
        mean = Checks.finite(mean, what + ".mean");
        q05 = Checks.finite(q05, what + ".q05");
        q95 = Checks.finite(q95, what + ".q95");
        Checks.length(mean, spend.length, what + ".mean", "spend");
        Checks.length(q05, spend.length, what + ".q05", "spend");
        Checks.length(q95, spend.length, what + ".q95", "spend");
        Checks.ordered(q05, q95, what);
        if (spend.length < 2) {
            throw new IllegalArgumentException(what + ".spend has " + spend.length + " point; a curve needs at least 2");
        }
        for (int i = 1; i < spend.length; i++) {
            if (!(spend[i] > spend[i - 1])) {
                throw new IllegalArgumentException(what + ".spend[" + i + "] = " + spend[i] + " is not above spend[" + (i - 1)
                        + "] = " + spend[i - 1] + "; the grid must increase");
            }
        }
        Checks.finite(currentSpend, what + ".currentSpend");
        if (currentSpend < spend[0] || currentSpend > spend[spend.length - 1]) {
            throw new IllegalArgumentException(what + ".currentSpend = " + currentSpend + " is outside the spend grid ["
                    + spend[0] + ", " + spend[spend.length - 1] + "]");
        }
    }

    /** The mean response at the current spend, linearly interpolated on the grid. */
    public double currentResponse() {
        return Interpolation.linear(spend, mean, currentSpend);
    }
}
