package dev.mmm.report.view;

/**
 * A channel's response curve in one geo of a geo model.
 *
 * @param geo   the geo
 * @param curve the channel's curve in that geo (its spend grid is that geo's)
 */
public record GeoResponseCurve(String geo, ResponseCurve curve) {

    /** Checks the name and that the curve is there. */
    public GeoResponseCurve {
        Checks.name(geo, "GeoResponseCurve.geo");
        Checks.notNull(curve, "GeoResponseCurve '" + geo + "'.curve");
    }
}
