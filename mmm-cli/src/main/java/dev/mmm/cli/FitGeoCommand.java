package dev.mmm.cli;

import dev.mmm.core.calibration.LiftTestCsv;
import dev.mmm.core.geo.CalibratedGeoModel;
import dev.mmm.core.geo.GeoAnalysis;
import dev.mmm.core.geo.GeoData;
import dev.mmm.core.geo.GeoFit;
import dev.mmm.core.geo.GeoLiftTest;
import dev.mmm.core.geo.GeoSpec;
import dev.mmm.core.io.AtomicFolder;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.sampler.SamplerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mmm fit-geo}: a hierarchical geo model on long-format data (docs/geo.md). */
@Command(mixinStandardHelpOptions = true,
        name = "fit-geo",
        sortOptions = false,
        description = {
            "Fit a hierarchical geo model to long-format data: one row per date and geo.",
            "",
            "Per-geo intercept and noise, channel effects partially pooled across geos (log-normal, non-centred, as Meridian), adstock and saturation shared; every choice can be changed with --spec (docs/geo.md).",
            "",
            "Writes summary.json and draws.csv (per-geo parameters named with the geo, e.g. beta[tv,Geo3]), geo.json (ROAS and marginal ROAS nationally and per geo, response curves, decomposition, lift tests, per-geo fit), the posterior and data.csv; 'mmm optimize' and 'mmm report' read the folder. 'mmm fit --geo COLUMN' does the same.",
            "",
            "Ctrl-C stops sampling and still saves the draws so far, marked \"complete\": false in summary.json; geo.json is then computed from those draws."},
        footer = {"", "Examples:",
            "  mmm fit-geo --data geo.csv --date week --geo geo --population population --target sales --channels tv,search --controls price --out geo-out",
            "  mmm fit-geo --data geo.csv --geo geo --target sales --channels tv,search --lift-tests geo-lifts.csv --out geo-out   (lift tests with a geo column)"})
final class FitGeoCommand extends CliCommand {

    @Option(names = "--json", description = "Print geo.json (ROAS nationally and per geo, response curves, per-geo fit) on stdout instead of the table.")
    boolean json;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Long-format CSV: date, geo, target, channels, controls, optional population.")
    Path data;

    @Option(names = "--geo", paramLabel = "COLUMN", description = "Column naming each row's geo (required without --spec).")
    String geo;

    @Option(names = "--population", paramLabel = "COLUMN", description = "Column with each geo's population: target and media are modelled per capita.")
    String population;

    @Option(names = "--spec", paramLabel = "FILE", description = "A geo spec in JSON (docs/geo.md), lift tests run in geos included (geo.lift_tests); replaces --date, --target, --channels, --controls, --yearly-seasonality, --geo and --population.")
    Path specFile;

    @Option(names = "--date", defaultValue = "date", paramLabel = "COLUMN", description = "Date column (ISO yyyy-MM-dd). Default: ${DEFAULT-VALUE}.")
    String date;

    @Option(names = "--target", paramLabel = "COLUMN", description = "Column to explain.")
    String target;

    @Option(names = "--channels", split = ",", paramLabel = "COLUMN", description = "Media spend columns, comma-separated.")
    List<String> channels = new ArrayList<>();

    @Option(names = "--controls", split = ",", paramLabel = "COLUMN", description = "Control columns, comma-separated.")
    List<String> controls = new ArrayList<>();

    @Option(names = "--yearly-seasonality", defaultValue = "0", paramLabel = "N", description = "Fourier order of yearly seasonality, shared by the geos (0 = none). Default: ${DEFAULT-VALUE}.")
    int yearlySeasonality;

    @Mixin
    SamplingOptions sampling = new SamplingOptions();

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Threads (0 = one per chain, up to the cores). Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed; files in it are replaced).")
    Path out;

    @Option(names = "--lift-tests", paramLabel = "FILE", description = "CSV of lift tests run in geos: columns geo, channel, start, end, delta_spend, lift, se (optional measured_until, likelihood); each is a density term on that geo's effect, after the spec's geo.lift_tests (docs/geo.md).")
    Path liftTests;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Override
    protected int execute() throws Exception {
        return execute(finished);
    }

    /**
     * The fit, a Ctrl-C waiting on {@code finished} (this command's latch, or that of {@code mmm fit
     * --geo} when it runs this one) before the JVM exits.
     */
    int execute(CountDownLatch finished) throws Exception {
        sampling.check();
        GeoSpec spec = spec();
        ModelSpec base = spec.base();
        LinkedHashSet<String> needed = new LinkedHashSet<>();
        needed.add(base.targetColumn());
        needed.addAll(base.channelNames());
        base.controls().forEach(c -> needed.add(c.name()));
        if (spec.populationColumn() != null) {
            needed.add(spec.populationColumn());
        }
        GeoData panel = GeoData.read(data, base.dateColumn(), spec.geoColumn(), needed);
        AtomicFolder.checkWritable(out);
        List<GeoLiftTest> tests = new java.util.ArrayList<>();
        if (liftTests != null) {
            for (LiftTestCsv.Row r : LiftTestCsv.readWithGeo(liftTests)) {
                tests.add(new GeoLiftTest(r.geo(), r.test()));
            }
        }
        // The spec's lift tests and the CSV's after them; every one checked against the panel now, before sampling.
        spec = GeoFit.appendLiftTests(spec, tests);
        if (!spec.liftTests().isEmpty()) {
            CalibratedGeoModel.withLiftTests(spec.compile(panel), spec.liftTests());
        }
        SamplerSettings settings = sampling.settings(seed, GeoFit.defaultSettings()).threads(threads).build();
        GeoSpec fitted = spec;
        GeoFitSession.Result written = GeoFitSession.run(settings, finished, out, err(), quiet,
                (progress, token) -> GeoFit.fit(fitted, panel, settings, progress, token));
        GeoFit fit = written.fit();
        int exitCode = fit.complete() ? ExitCodes.OK : ExitCodes.INTERRUPTED;
        if (json) {
            out().print(java.nio.file.Files.readString(out.resolve(GeoFit.GEO_FILE)));
            return exitCode;
        }
        out().printf(Locale.ROOT, "%d geos x %d periods, %d parameters sampled; %.1f s, %d divergences%n",
                panel.geoCount(), panel.periods(), fit.model().dimension(), fit.posterior().run().wallSeconds(),
                fit.posterior().divergences());
        Tables.printInterrupted(out(), written.summary());
        out().println();
        out().printf(Locale.ROOT, "%-16s %14s %12s %12s %12s%n", "channel", "spend", "ROAS", "q05", "q95");
        for (GeoAnalysis.ChannelRoas r : fit.analysis().roas().national()) {
            out().printf(Locale.ROOT, "%-16s %14.1f %12.4f %12.4f %12.4f%n", r.channel(), r.spend(), r.roas().mean(),
                    r.roas().q05(), r.roas().q95());
        }
        out().println();
        out().println("Wrote " + out + " (summary.json, draws.csv, " + GeoFit.GEO_FILE + ")");
        return exitCode;
    }

    private GeoSpec spec() throws java.io.IOException {
        if (specFile != null) {
            return GeoSpec.fromJson(Files.readString(specFile));
        }
        if (geo == null || geo.isBlank()) {
            throw new IllegalArgumentException("--geo must name the geo column (or give --spec)");
        }
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("--target must name the target column (or give --spec)");
        }
        if (channels.isEmpty() || channels.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("--channels must name at least one column, without empty names");
        }
        if (yearlySeasonality < 0 || yearlySeasonality > 20) {
            throw new IllegalArgumentException("--yearly-seasonality must be between 0 and 20, got " + yearlySeasonality);
        }
        ModelSpec base = ModelSpec.builder().date(date).target(target).channels(channels.toArray(new String[0]))
                .controls(controls.toArray(new String[0])).yearlySeasonality(yearlySeasonality).build();
        GeoSpec spec = GeoSpec.of(base, geo);
        return population == null ? spec : spec.withPopulation(population);
    }
}
