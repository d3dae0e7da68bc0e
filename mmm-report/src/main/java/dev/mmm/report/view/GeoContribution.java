package dev.mmm.report.view;

/**
 * One part of a geo's decomposition (a geo model's intercept, channel, controls or seasonality):
 * posterior means of its total over the training periods, in target units, and of its share of
 * that geo's total prediction.
 *
 * @param geo   the geo
 * @param part  the part's name ({@code intercept}, a channel, {@code controls}, {@code fourier}, ...)
 * @param total posterior mean of the part's total
 * @param share posterior mean of total / the geo's total prediction (a fraction)
 */
public record GeoContribution(String geo, String part, double total, double share) {

    /** Checks the names and finiteness. */
    public GeoContribution {
        Checks.name(geo, "GeoContribution.geo");
        Checks.name(part, "GeoContribution.part");
        String what = "GeoContribution '" + part + "' in '" + geo + "'";
        Checks.finite(total, what + ".total");
        Checks.finite(share, what + ".share");
    }
}
