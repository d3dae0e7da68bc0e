package dev.mmm.report.view;

import java.util.List;

/**
 * Checks of the input data before the fit: per-column statistics and the validator's warnings
 * (sparse channels, collinear columns, ...), one line each.
 *
 * @param columns  one summary per modelled column, possibly empty
 * @param warnings warnings, possibly empty
 */
public record InputDiagnostics(List<ColumnSummary> columns, List<String> warnings) {
    /** Null lists become empty. */
    public InputDiagnostics {
        columns = Checks.orEmpty(columns, "InputDiagnostics.columns");
        warnings = Checks.orEmpty(warnings, "InputDiagnostics.warnings");
    }
}
