package dev.mmm.report.view;

/**
 * A per-channel posterior summary: a contribution share (a fraction, 0.25 = 25%), a ROAS, or any
 * other number with a 90% interval.
 *
 * @param channel channel name
 * @param mean    posterior mean
 * @param q05     5% quantile
 * @param q95     95% quantile
 */
public record ChannelEstimate(String channel, double mean, double q05, double q95) {
    /** Checks the name, finiteness and {@code q05 <= q95}. */
    public ChannelEstimate {
        Checks.name(channel, "ChannelEstimate.channel");
        String what = "ChannelEstimate '" + channel + "'";
        Checks.finite(mean, what + ".mean");
        Checks.finite(q05, what + ".q05");
        Checks.finite(q95, what + ".q95");
        Checks.ordered(q05, q95, what);
    }
}
