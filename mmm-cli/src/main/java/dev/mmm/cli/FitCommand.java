package dev.mmm.cli;

import dev.mmm.core.data.CsvReader;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.io.FitSummary;
import dev.mmm.core.analysis.Validation;
import dev.mmm.core.calibration.Calibration;
import dev.mmm.core.calibration.CalibrationJson;
import dev.mmm.core.calibration.LiftTestCsv;
import dev.mmm.core.io.AnalysisJson;
import dev.mmm.core.io.AtomicFiles;
import dev.mmm.core.io.AtomicFolder;
import dev.mmm.core.io.FitFolder;
import dev.mmm.core.model.FitChecks;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.sampler.SamplerSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mmm fit}: the fit contract of MODEL.md. */
@Command(mixinStandardHelpOptions = true,
        name = "fit",
        sortOptions = false,
        description = {
            "Fit a model to a CSV file; save its summary, draws and posterior.",
            "",
            "Without --spec the model is MODEL.md's default (geometric adstock of 8 periods, logistic saturation, controls, optional yearly Fourier seasonality); --spec model.json fits any model the DSL expresses (docs/MODEL-DSL.md: other adstocks and saturations, trend, events, synergy, likelihoods, priors).",
            "",
            "The CSV has a header row and one row per period (weekly, daily or monthly; sorted, no gaps): an ISO date column (yyyy-MM-dd), the target, one spend column per channel and optional control columns.",
            "",
            "Ctrl-C stops sampling and still saves the draws so far, marked \"complete\": false in summary.json."},
        footer = {"", "Examples:",
            "  mmm fit --data sales.csv --date week --target sales --channels tv,radio,search --controls price --yearly-seasonality 2 --out fit-out",
            "  mmm fit --data sales.csv --spec model.json --out fit-hill          (any DSL model; check it first with mmm validate)",
            "  mmm fit --data sales.csv --spec model.json --holdout 26 --out fit-check   (predict the last 26 weeks unseen)",
            "  mmm fit --data geo.csv --geo region --population population --target sales --channels tv,search --out geo-out   (a geo model, as mmm fit-geo)"})
final class FitCommand extends CliCommand {

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV file with the data.")
    Path data;

    @Mixin
    ModelOptions model = new ModelOptions();

    @Option(names = "--holdout", defaultValue = "0", paramLabel = "N", description = "Fit all but the last N periods, then predict those and report R^2, MAPE, NRMSE, CRPS and interval coverage in and out of sample (validation.json). Default: ${DEFAULT-VALUE}.")
    int holdout;

    @Option(names = "--lift-tests", paramLabel = "FILE", description = "CSV of lift tests to calibrate with (columns channel, start, end, delta_spend, lift, se; optional measured_until, likelihood): see docs/calibration.md. With --geo, also a geo column naming the geo each test was run in (docs/geo.md).")
    Path liftTests;

    @Option(names = "--calibration", paramLabel = "FILE", description = "JSON calibration object, as the spec's \"calibration\": {\"roi_priors\": [...], \"lift_tests\": [...]} (ROI priors: see docs/calibration.md).")
    Path calibrationFile;

    @Mixin
    SamplingOptions sampling = new SamplingOptions();

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed; the same seed gives the same draws whatever the threads. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Threads (0 = one per chain, up to the cores). Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed; files in it are replaced).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr (warnings and errors still go there).")
    boolean quiet;

    @Option(names = "--json", description = "Print summary.json (docs/MODEL.md) on stdout instead of the tables.")
    boolean json;

    @Option(names = "--geo", paramLabel = "COLUMN", description = "Fit a hierarchical geo model to long-format data (one row per date and geo; this column names the geo), as 'mmm fit-geo' does: docs/geo.md. --spec is then a geo spec.")
    String geo;

    @Option(names = "--population", paramLabel = "COLUMN", description = "With --geo: each geo's population; target and media are modelled per capita.")
    String population;

    @Override
    protected int execute() throws Exception {
        if (geo != null || population != null) {
            return fitGeo();
        }
        checkRanges();
        ModelSpec spec = model.spec();
        // Fail before reading and fitting, not after, when the output folder cannot be written.
        AtomicFolder.checkWritable(out);
        Dataset dataset = CsvReader.read(data, spec.dateColumn(), ModelOptions.columns(spec));
        if (calibrationFile != null || liftTests != null) {
            Calibration base = calibrationFile != null ? CalibrationJson.read(calibrationFile) : spec.calibration();
            Calibration calibration = base.withLiftTests(liftTests == null ? List.of() : LiftTestCsv.read(liftTests));
            spec = spec.toBuilder().calibration(calibration).build();
        }
        Calibration calibration = spec.calibration();
        // The checks Mmm.fit makes too, here to print the warnings before the fit starts.
        List<String> warnings = FitChecks.validate(spec, dataset);
        warnings.forEach(w -> err().println("mmm: warning: " + Errors.oneLine(w)));
        err().flush();
        SamplerSettings settings = sampling.settings(seed).threads(threads).build();
        FitChecks.checkMemory(spec, settings);

        Dataset heldOut = null;
        if (holdout > 0) {
            if (holdout > dataset.rows() / 2) {
                throw new IllegalArgumentException("--holdout " + holdout + " leaves fewer periods to fit than to predict ("
                        + dataset.rows() + " rows); hold out at most " + dataset.rows() / 2);
            }
            heldOut = dataset.slice(dataset.rows() - holdout, dataset.rows());
            dataset = dataset.slice(0, dataset.rows() - holdout);
        }
        FitSession.Result result = FitSession.run(spec, dataset, settings, err(), quiet, out, warnings, finished);
        MmmFit fit = result.fit();
        FitSummary summary = result.summary();
        if (json) {
            out().print(dev.mmm.core.io.SummaryJson.toJson(summary));
            out().println();
            out().flush();
            return fit.complete() ? ExitCodes.OK : ExitCodes.INTERRUPTED;
        }
        Tables.printSummary(out(), summary);
        if (!calibration.isEmpty()) {
            out().println();
            for (var check : dev.mmm.core.calibration.LiftTestCheck.of(fit.model(), fit.posterior())) {
                out().println(check.describe());
            }
            for (var roas : dev.mmm.core.calibration.RoasCheck.of(fit.model(), fit.posterior(), 4000, seed)) {
                out().printf(java.util.Locale.ROOT, "ROAS %s: prior 90%% [%.4g, %.4g], posterior 90%% [%.4g, %.4g]%n",
                        roas.channel(), roas.prior().q05(), roas.prior().q95(), roas.posterior().q05(),
                        roas.posterior().q95());
            }
        }
        out().println();
        out().println("Wrote " + out + " (" + FitFolder.FILES + ")");
        Tables.printSamplerLine(out(), summary);
        if (heldOut != null && fit.complete()) {
            Validation.HoldoutResult check = Validation.holdout(fit, heldOut, seed);
            AtomicFiles.writeString(out.resolve("validation.json"), AnalysisJson.holdout(check));
            out().printf(java.util.Locale.ROOT, "Holdout of the last %d periods: R^2 %.3f in sample, %.3f out of sample;"
                    + " MAPE %.1f%% / %.1f%%; 90%% interval covers %.0f%% of held-out periods (%s)%n", holdout,
                    check.inSample().r2(), check.outOfSample().r2(), 100 * check.inSample().mape(),
                    100 * check.outOfSample().mape(), 100 * check.outOfSample().coverage(), out.resolve("validation.json"));
        }
        out().flush();
        if (!fit.complete()) {
            return ExitCodes.INTERRUPTED;
        }
        return ExitCodes.OK;
    }

    /** {@code --geo}: the same fit as {@code mmm fit-geo} with these flags. */
    private int fitGeo() throws Exception {
        UsageException.require(geo != null, "--population needs --geo (the column naming each row's geo)");
        UsageException.require(holdout == 0 && calibrationFile == null,
                "--holdout and --calibration are not available with --geo yet");
        FitGeoCommand g = new FitGeoCommand();
        g.spec = spec;
        g.json = json;
        g.data = data;
        g.geo = geo;
        g.population = population;
        g.specFile = model.spec;
        g.date = model.date != null ? model.date : "date";
        g.target = model.target;
        g.channels = model.channels;
        g.controls = model.controls;
        g.yearlySeasonality = model.yearlySeasonality != null ? model.yearlySeasonality : 0;
        g.sampling = sampling;
        g.seed = seed;
        g.threads = threads;
        g.out = out;
        g.quiet = quiet;
        g.liftTests = liftTests;
        return g.execute(finished);
    }

    private void checkRanges() {
        sampling.check();
        require(holdout >= 0, "--holdout must be at least 0, got " + holdout);
        require(threads >= 0 && threads <= 1024, "--threads must be between 0 (automatic) and 1024, got " + threads);
        model.check();
    }

    private static void require(boolean ok, String message) {
        UsageException.require(ok, message);
    }
}
