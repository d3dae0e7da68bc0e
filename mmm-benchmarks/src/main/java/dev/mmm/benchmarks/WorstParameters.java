package dev.mmm.benchmarks;

import dev.mmm.sampler.diagnostics.ParameterSummary;
import java.util.List;

/**
 * The numbers a benchmark row reports about a fit's slowest parameters: the largest R-hat and the
 * smallest bulk-ESS with its parameter's name. Parameters with an undefined value (a fixed one's
 * NaN) do not count.
 */
record WorstParameters(double maxRhat, double minEssBulk, String minEssName) {

    static WorstParameters of(List<ParameterSummary> parameters) {
        double maxRhat = 0.0;
        double minEss = Double.POSITIVE_INFINITY;
        String minName = "";
        for (ParameterSummary p : parameters) {
            if (Double.isFinite(p.rhat())) {
                maxRhat = Math.max(maxRhat, p.rhat());
            }
            if (Double.isFinite(p.essBulk()) && p.essBulk() < minEss) {
                minEss = p.essBulk();
                minName = p.name();
            }
        }
        return new WorstParameters(maxRhat, minEss, minName);
    }
}
