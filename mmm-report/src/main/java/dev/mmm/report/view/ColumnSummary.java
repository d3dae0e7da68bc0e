package dev.mmm.report.view;

/**
 * Descriptive statistics of one input column, for the input diagnostics table.
 *
 * @param name      column name
 * @param role      "target", "channel", "control", ...
 * @param min       smallest value
 * @param mean      mean value
 * @param max       largest value
 * @param zeroShare share of rows equal to zero, in [0, 1]
 */
public record ColumnSummary(String name, String role, double min, double mean, double max, double zeroShare) {
    /** Checks the names and numbers. */
    public ColumnSummary {
        Checks.name(name, "ColumnSummary.name");
        Checks.name(role, "ColumnSummary '" + name + "'.role");
        Checks.finite(min, "ColumnSummary '" + name + "'.min");
        Checks.finite(mean, "ColumnSummary '" + name + "'.mean");
        Checks.finite(max, "ColumnSummary '" + name + "'.max");
        Checks.finite(zeroShare, "ColumnSummary '" + name + "'.zeroShare");
        if (zeroShare < 0 || zeroShare > 1) {
            throw new IllegalArgumentException("ColumnSummary '" + name + "'.zeroShare = " + zeroShare + "; it must be in [0, 1]");
        }
    }

    /** Summarises a column's values. */
    public static ColumnSummary of(String name, String role, double[] values) {
        double[] v = Checks.finite(values, "column '" + name + "'");
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int zeros = 0;
        for (double x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
            sum += x;
            if (x == 0) {
                zeros++;
            }
        }
        return new ColumnSummary(name, role, min, sum / v.length, max, (double) zeros / v.length);
    }
}
