package dev.mmm.cli;

import dev.mmm.core.analysis.Prediction;
import dev.mmm.core.analysis.PosteriorAnalysis;
import dev.mmm.core.data.CsvReader;
import dev.mmm.core.data.DataException;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.geo.GeoAnalysis;
import dev.mmm.core.geo.GeoData;
import dev.mmm.core.geo.GeoFit;
import dev.mmm.core.geo.GeoModel;
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
                    + " the target, the prediction is compared with it (coverage of the 90%% interval).",
            "",
            "For a geo fit (written by 'mmm fit-geo') future.csv is long format: the date and geo columns, every"
                    + " channel and control, one row per future period and geo, every geo of the fit; the prediction"
                    + " is given nationally (the geos summed) and per geo (docs/geo.md)."},
        footer = {"", "Examples:", "  mmm predict --fit fit-out --data plan-2025.csv",
            "  mmm predict --fit fit-out --data plan-2025.csv --json > forecast.json",
            "  mmm predict --fit geo-out --data geo-plan-2025.csv --json   (a geo fit: national and per geo)"})
final class PredictCommand extends CliCommand {

    @Option(names = "--fit", required = true, paramLabel = "DIR", description = "A fit folder written by 'mmm fit', or a geo fit folder written by 'mmm fit-geo'.")
    Path fit;

    @Option(names = "--data", required = true, paramLabel = "CSV", description = "Planned spend and controls per future period.")
    Path data;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the predictive noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print JSON (documented in docs/analysis.md) instead of a table.")
    boolean json;

    @Override
    protected int execute() throws Exception {
        if (GeoFit.isGeoFit(fit)) {
            return predictGeo();
        }
        MmmFit loaded = FitFolder.load(fit);
        ModelSpec spec = loaded.spec();
        Dataset all = CsvReader.read(data, spec.dateColumn());
        requireColumns(spec, all::hasColumn);
        LocalDate last = loaded.model().dates()[loaded.model().rows() - 1];
        if (!all.date(0).isAfter(last)) {
            throw new DataException(data + " row 2: date " + all.date(0) + " is not after the fitted data, which ends " + last);
        }
        Prediction p = PosteriorAnalysis.of(loaded).predict(all, seed, false);
        if (json) {
            out().print(AnalysisJson.prediction(p));
            return ExitCodes.OK;
        }
        print(p);
        return ExitCodes.OK;
    }

    /** Every channel and control of the fit must be a column of the future data. */
    private void requireColumns(ModelSpec spec, java.util.function.Predicate<String> hasColumn) {
        List<String> needed = new ArrayList<>(spec.channelNames());
        spec.controls().stream().map(ControlSpec::name).forEach(needed::add);
        for (String column : needed) {
            if (!hasColumn.test(column)) {
                throw new DataException(data + ": column '" + column + "' is missing; the fit needs "
                        + String.join(", ", needed));
            }
        }
    }

    private void print(Prediction p) {
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
    }

    /** A geo fit: the long-format future panel checked against the fit, then national and per-geo predictions. */
    private int predictGeo() throws Exception {
        GeoFit loaded = GeoFit.load(fit);
        GeoModel model = loaded.model();
        ModelSpec base = model.spec().base();
        GeoData future = GeoData.read(data, base.dateColumn(), model.spec().geoColumn(), null);
        requireColumns(base, future::hasColumn);
        GeoInputs.requireFittedGeos(data, model, future);
        List<String> geos = model.geos();
        String population = model.spec().populationColumn();
        if (population != null && future.hasColumn(population)) {
            double[] given = future.population(population);
            for (int g = 0; g < geos.size(); g++) {
                double fitted = model.population(geos.indexOf(future.geos().get(g)));
                if (given[g] != fitted) {
                    throw new DataException(data + ": population column '" + population + "', geo '"
                            + future.geos().get(g) + "': " + given[g] + " is not the fitted population " + fitted
                            + "; the model keeps the populations it was fitted with");
                }
            }
        }
        GeoAnalysis.GeoPrediction p;
        try {
            p = loaded.analysis().predict(future, seed);
        } catch (DataException e) {
            throw new DataException(data + ": " + e.getMessage());
        }
        if (json) {
            out().print(AnalysisJson.prediction(p.national(), p.geos(), p.perGeo()));
            return ExitCodes.OK;
        }
        out().printf(Locale.ROOT, "National (the %d geos summed)%n", geos.size());
        print(p.national());
        for (int g = 0; g < geos.size(); g++) {
            out().printf(Locale.ROOT, "%nGeo %s%n", p.geos().get(g));
            print(p.perGeo().get(g));
        }
        return ExitCodes.OK;
    }
}
