package dev.mmm.report.view;

/**
 * A channel's adstock decay: the share of a unit of spend that acts at each lag (lag 0 = the week of
 * the spend), with its 90% band.
 *
 * @param channel channel name
 * @param mean    posterior mean weight per lag, index = lag
 * @param q05     5% quantile per lag
 * @param q95     95% quantile per lag
 */
public record AdstockCurve(String channel, double[] mean, double[] q05, double[] q95) {
    /** Checks lengths, finiteness and {@code q05 <= q95}. */
    public AdstockCurve {
        Checks.name(channel, "AdstockCurve.channel");
        String what = "AdstockCurve '" + channel + "'";
        mean = Checks.finite(mean, what + ".mean");
        q05 = Checks.finite(q05, what + ".q05");
        q95 = Checks.finite(q95, what + ".q95");
        Checks.length(q05, mean.length, what + ".q05", "mean");
        Checks.length(q95, mean.length, what + ".q95", "mean");
        Checks.ordered(q05, q95, what);
    }
}
