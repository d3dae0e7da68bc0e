package dev.mmm.report;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.io.FitSummary;
import dev.mmm.report.view.ColumnSummary;
import dev.mmm.report.view.InputDiagnostics;
import dev.mmm.report.view.ModelSummary;
import dev.mmm.report.view.ParameterDiagnostic;
import dev.mmm.report.view.SamplerDiagnostics;
import java.util.ArrayList;
import java.util.List;

/**
 * View models from what core already has: a fit's {@code summary.json} ({@link FitSummary}) and
 * the training {@link Dataset}. The analysis results (decomposition, ROAS, curves) are mapped by
 * their callers.
 */
public final class ReportViews {

    private ReportViews() {
    }

    /** What was modelled on which data, for the report's first section. */
    public static ModelSummary modelSummary(String title, Dataset data, String target, List<String> channels, List<String> controls,
                                            List<ModelSummary.Detail> details) {
        return new ModelSummary(title, target, channels, controls, data.date(0), data.date(data.rows() - 1), data.rows(), details);
    }

    /** Statistics of the target, each channel and each control (in that order), and the data checks' warnings. */
    public static InputDiagnostics inputDiagnostics(Dataset data, String target, List<String> channels, List<String> controls,
                                                    List<String> warnings) {
        List<ColumnSummary> columns = new ArrayList<>();
        columns.add(ColumnSummary.of(target, "target", data.column(target)));
        for (String c : channels) {
            columns.add(ColumnSummary.of(c, "channel", data.column(c)));
        }
        for (String c : controls == null ? List.<String>of() : controls) {
            columns.add(ColumnSummary.of(c, "control", data.column(c)));
        }
        return new InputDiagnostics(columns, warnings);
    }

    /**
     * The sampler diagnostics of a fit summary: run size (the kept draws actually completed, the
     * fewest of any chain, when a fit was cancelled), divergences, tree-depth hits, every
     * parameter's summary and diagnostics, and the summary's warnings.
     */
    public static SamplerDiagnostics samplerDiagnostics(FitSummary s) {
        int draws = s.drawsCompleted().isEmpty() ? s.draws() : s.drawsCompleted().stream().mapToInt(Integer::intValue).min().orElseThrow();
        List<ParameterDiagnostic> parameters = new ArrayList<>();
        for (FitSummary.Parameter p : s.parameters()) {
            parameters.add(new ParameterDiagnostic(p.name(), p.mean(), p.sd(), p.q05(), p.q95(), p.rhat(), p.essBulk(), p.essTail()));
        }
        return new SamplerDiagnostics(s.chains(), s.warmup(), draws, s.divergences(), s.maxTreedepthHits(), parameters, s.warnings());
    }
}
