package dev.mmm.report.view;

/**
 * One named series of values over the periods of a {@link Contributions}.
 *
 * @param name   series name (a channel, "baseline", a control, ...)
 * @param values one finite value per period
 */
public record NamedSeries(String name, double[] values) {
    /** Checks the name and that every value is finite. */
    public NamedSeries {
        Checks.name(name, "NamedSeries.name");
        values = Checks.finite(values, "NamedSeries '" + name + "'.values");
    }
}
