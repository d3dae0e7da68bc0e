package dev.mmm.cli;

import dev.mmm.core.data.CsvReader;
import dev.mmm.core.data.DataValidator;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.io.FitSummary;
import dev.mmm.core.io.FitFolder;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.sampler.SamplerSettings;
import java.nio.file.Files;
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
            "Fit the default model to a CSV file; save its summary and draws.",
            "",
            "The model is MODEL.md's default (geometric adstock of 8 periods, logistic saturation, controls, optional yearly Fourier seasonality).",
            "",
            "The CSV has a header row and one row per period (weekly, daily or monthly; sorted, no gaps): an ISO date column (yyyy-MM-dd), the target, one spend column per channel and optional control columns.",
            "",
            "Ctrl-C stops sampling and still saves the draws so far, marked \"complete\": false in summary.json."},
        footer = {"", "Example:",
            "  mmm fit --data sales.csv --date week --target sales --channels tv,radio,search --controls price --yearly-seasonality 2 --out fit-out"})
final class FitCommand extends CliCommand {

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV file with the data.")
    Path data;

    @Option(names = "--date", defaultValue = "date", paramLabel = "COLUMN", description = "Date column (ISO yyyy-MM-dd). Default: ${DEFAULT-VALUE}.")
    String date;

    @Option(names = "--target", required = true, paramLabel = "COLUMN", description = "Column to explain (sales, conversions...).")
    String target;

    @Option(names = "--channels", required = true, split = ",", paramLabel = "COLUMN", description = "Media spend columns, comma-separated.")
    List<String> channels;

    @Option(names = "--controls", split = ",", paramLabel = "COLUMN", description = "Control columns (price, promotions...), comma-separated.")
    List<String> controls = new ArrayList<>();

    @Option(names = "--yearly-seasonality", defaultValue = "0", paramLabel = "N", description = "Fourier order of yearly seasonality (0 = none; 2 is usual). Default: ${DEFAULT-VALUE}.")
    int yearlySeasonality;

    @Option(names = "--lift-tests", paramLabel = "FILE", description = "CSV of lift tests to calibrate with (columns channel, start, end, delta_spend, lift, se; optional measured_until, likelihood): see docs/calibration.md.")
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

    @Override
    protected int execute() throws Exception {
        checkRanges();
        List<String> needed = new ArrayList<>();
        needed.add(target);
        needed.addAll(channels);
        needed.addAll(controls);
        Dataset dataset = CsvReader.read(data, date, needed);
        dev.mmm.core.calibration.Calibration calibration = (calibrationFile == null
                ? dev.mmm.core.calibration.Calibration.none()
                : dev.mmm.core.calibration.CalibrationJson.read(calibrationFile))
                .withLiftTests(liftTests == null ? List.of() : dev.mmm.core.calibration.LiftTestCsv.read(liftTests));
        List<String> warnings = DataValidator.validate(dataset, target, channels, controls, FitSession.ADSTOCK_LENGTH,
                DataValidator.defaultModelParameterCount(channels.size(), controls.size(), yearlySeasonality));
        warnings.forEach(w -> err().println("mmm: warning: " + w));
        err().flush();
        // Fail before a long fit, not after it, when the output folder cannot be made.
        FitFolder.checkReplaceable(out);
        Files.createDirectories(out);

        ModelSpec spec = ModelSpec.builder()
                .date(date)
                .target(target)
                .channels(channels.toArray(new String[0]))
                .controls(controls.toArray(new String[0]))
                .yearlySeasonality(yearlySeasonality)
                .calibration(calibration)
                .build();
        SamplerSettings settings = sampling.settings(seed).threads(threads).build();

        FitSession.Result result = FitSession.run(spec, dataset, settings, err(), quiet, out, warnings, finished);
        MmmFit fit = result.fit();
        FitSummary summary = result.summary();
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
        out().flush();
        if (!fit.complete()) {
            return ExitCodes.INTERRUPTED;
        }
        return ExitCodes.OK;
    }

    private void checkRanges() {
        sampling.check();
        require(threads >= 0, "--threads must be at least 0 (0 = automatic), got " + threads);
        require(yearlySeasonality >= 0 && yearlySeasonality <= 20, "--yearly-seasonality must be between 0 and 20, got " + yearlySeasonality);
        require(!channels.isEmpty() && channels.stream().noneMatch(String::isBlank), "--channels must name at least one column, without empty names");
        require(controls.stream().noneMatch(String::isBlank), "--controls has an empty column name");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
