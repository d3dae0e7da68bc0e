package dev.mmm.report.view;

/**
 * The posterior summary and convergence diagnostics of one parameter. R-hat and the ESS may be NaN
 * (a parameter that is constant across draws has none); they are then shown as "n/a".
 *
 * @param name    parameter name
 * @param mean    posterior mean
 * @param sd      posterior standard deviation
 * @param q05     5% quantile
 * @param q95     95% quantile
 * @param rhat    rank-normalised split R-hat
 * @param essBulk bulk effective sample size
 * @param essTail tail effective sample size
 */
public record ParameterDiagnostic(String name, double mean, double sd, double q05, double q95, double rhat,
                                  double essBulk, double essTail) {
    /** Checks the name and that the summary (not the diagnostics) is finite. */
    public ParameterDiagnostic {
        Checks.name(name, "ParameterDiagnostic.name");
        String what = "ParameterDiagnostic '" + name + "'";
        Checks.finite(mean, what + ".mean");
        Checks.finite(sd, what + ".sd");
        Checks.finite(q05, what + ".q05");
        Checks.finite(q95, what + ".q95");
        Checks.ordered(q05, q95, what);
    }
}
