package dev.mmm.cli;

import dev.mmm.core.analysis.Prediction;
import dev.mmm.core.analysis.PosteriorAnalysis;
import dev.mmm.core.data.CsvReader;
import dev.mmm.core.data.DataException;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.io.AnalysisJson;
import dev.mmm.core.io.FitFolder;
import dev.mmm.core.model.ControlSpec;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mmm predict}: the predictive distribution of the target for planned periods. */
@Command(mixinStandardHelpOptions = true,
        name = "predict",
        description = {
            "Predict the target for future periods from planned spend and controls.",
            "",
            "future.csv has the fit's date column, every channel and every control, one row per period after the"
                    + " fitted data; the last periods of the fitted data carry their adstock into it. If it also has"
                    + " the target, the prediction is compared with it (coverage of the 90%% interval)."},
        footer = {"", "Examples:", "  mmm predict --fit fit-out --data plan-2025.csv",
            "  mmm predict --fit fit-out --data plan-2025.csv --json > forecast.json"})
final class PredictCommand extends CliCommand {

    @Option(names = "--fit", required = true, paramLabel = "DIR", description = "A fit folder written by 'mmm fit'.")
    Path fit;

    @Option(names = "--data", required = true, paramLabel = "CSV", description = "Planned spend and controls per future period.")
    Path data;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the predictive noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print JSON (documented in docs/analysis.md) instead of a table.")
    boolean json;

    @Override
    protected int execute() throws Exception {
        MmmFit loaded = FitFolder.load(fit);
        ModelSpec spec = loaded.spec();
        List<String> needed = new ArrayList<>(spec.channelNames());
        spec.controls().stream().map(ControlSpec::name).forEach(needed::add);
        Dataset all = CsvReader.read(data, spec.dateColumn());
        for (String column : needed) {
            if (!all.hasColumn(column)) {
                throw new DataException(data + ": column '" + column + "' is missing; the fit needs "
                        + String.join(", ", needed));
            }
        }
        LocalDate last = loaded.model().dates()[loaded.model().rows() - 1];
        if (!all.date(0).isAfter(last)) {
            throw new DataException(data + " row 2: date " + all.date(0) + " is not after the fitted data, which ends " + last);
        }
        Prediction p = PosteriorAnalysis.of(loaded).predict(all, seed, false);
        if (json) {
            out().print(AnalysisJson.prediction(p));
            return ExitCodes.OK;
        }
        String row = "%-12s %32s %32s %14s%n";
        out().printf(Locale.ROOT, row, "date", "expected [90%]", "predictive [90%]", "observed");
        for (int t = 0; t < p.dates().size(); t++) {
            out().printf(Locale.ROOT, row, p.dates().get(t), SummaryCommand.text(p.mean().get(t)),
                    SummaryCommand.text(p.predictive().get(t)),
                    Double.isNaN(p.observed()[t]) ? "" : Tables.num(p.observed()[t]));
        }
        if (!Double.isNaN(p.coverage90())) {
            out().printf(Locale.ROOT, "%nObserved inside the 90%% predictive interval: %.0f%% of periods%n", 100 * p.coverage90());
        }
        return ExitCodes.OK;
    }
}
