package dev.mmm.report.view;

/**
 * A per-channel number in one geo (a geo model's ROAS) with its 90% interval.
 *
 * @param geo     the geo
 * @param channel channel name
 * @param mean    posterior mean
 * @param q05     5% quantile
 * @param q95     95% quantile
 */
public record GeoEstimate(String geo, String channel, double mean, double q05, double q95) {

    /** Checks the names, finiteness and {@code q05 <= q95}. */
    public GeoEstimate {
        Checks.name(geo, "GeoEstimate.geo");
        Checks.name(channel, "GeoEstimate.channel");
        String what = "GeoEstimate '" + channel + "' in '" + geo + "'";
        Checks.finite(mean, what + ".mean");
        Checks.finite(q05, what + ".q05");
        Checks.finite(q95, what + ".q95");
        Checks.ordered(q05, q95, what);
    }

    /** The same numbers labelled "channel, geo", for the charts of channel estimates. */
    public ChannelEstimate asChannelEstimate() {
        return new ChannelEstimate(channel + ", " + geo, mean, q05, q95);
    }
}
