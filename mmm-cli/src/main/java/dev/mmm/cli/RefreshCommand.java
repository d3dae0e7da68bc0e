package dev.mmm.cli;

import dev.mmm.core.analysis.Refresh;
import dev.mmm.core.data.CsvReader;
import dev.mmm.core.data.DataException;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.geo.GeoData;
import dev.mmm.core.geo.GeoFit;
import dev.mmm.core.geo.GeoRefresh;
import dev.mmm.core.io.AnalysisJson;
import dev.mmm.core.io.AtomicFiles;
import dev.mmm.core.io.AtomicFolder;
import dev.mmm.core.io.FitFolder;
import dev.mmm.core.model.ControlSpec;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.posterior.Posterior;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.WarmStart;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mmm refresh}: refit a saved model on data with new periods, warm-started, and report drift. */
@Command(mixinStandardHelpOptions = true,
        name = "refresh",
        sortOptions = false,
        description = {
            "Refit a saved model (national or geo) on data with new periods appended, warm-started from the old fit.",
            "",
            "Each chain starts where the old fit's chain ended, with its step size and metric, so a short warm-up"
                    + " (default 250 iterations, a quarter of a cold fit's) re-tunes instead of searching. Writes the new"
                    + " fit folder and drift.json: per channel its ROAS and contribution over the old fit's periods, old"
                    + " vs new, flagging channels whose new estimate left the old 90%% interval.",
            "",
            "A geo fit folder (mmm fit-geo) is refreshed from a long-format panel with the same columns: every old geo,"
                    + " the old periods unchanged, then new ones; drift.json adds per-geo ROAS (docs/geo.md).",
            "",
            "Ctrl-C stops sampling and still saves the draws so far, marked \"complete\": false in summary.json; drift.json is then not written."},
        footer = {"", "Examples:", "  mmm refresh --fit fit-2024-06 --data sales-to-2024-08.csv --out fit-2024-08",
            "  mmm refresh --fit geo-2024-06 --data panel-to-2024-08.csv --out geo-2024-08"})
final class RefreshCommand extends CliCommand {

    /** Drift compares the old posterior with the new: a refit cut short by Ctrl-C has only part of the new one. */
    static final String NO_DRIFT_WHEN_INTERRUPTED =
            "drift.json not written: the refit was interrupted, and its draws so far are not a whole posterior to compare";

    @Option(names = "--fit", required = true, paramLabel = "DIR", description = "The old fit folder (mmm fit, or a geo fit of mmm fit-geo).")
    Path fit;

    @Option(names = "--data", required = true, paramLabel = "CSV", description = "All periods: the old ones and the new ones.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder of the new fit (new or an earlier fit's).")
    Path out;

    @Option(names = "--chains", paramLabel = "N", description = "Chains (default: the old fit's).")
    Integer chains;

    @Option(names = "--warmup", defaultValue = "250", paramLabel = "N", description = "Warm-up iterations per chain. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--draws", paramLabel = "N", description = "Kept draws per chain (default: the old fit's).")
    Integer draws;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: the old fit's plus one).")
    Long seed;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Override
    protected int execute() throws Exception {
        if (GeoFit.isGeoFit(fit)) {
            return refreshGeo();
        }
        MmmFit previous = FitFolder.load(fit);
        ModelSpec spec = previous.spec();
        List<String> needed = new ArrayList<>();
        needed.add(spec.targetColumn());
        needed.addAll(spec.channelNames());
        spec.controls().stream().map(ControlSpec::name).forEach(needed::add);
        Dataset dataset = CsvReader.read(data, spec.dateColumn(), needed);
        if (dataset.rows() <= previous.model().rows()) {
            throw new DataException(data + ": has " + dataset.rows() + " periods, no more than the old fit's "
                    + previous.model().rows() + "; refresh needs the old periods plus new ones");
        }
        AtomicFolder.checkWritable(out);
        SamplerSettings settings = SamplerSettings.builder().chains(chains(previous.posterior()))
                .warmup(warmup).draws(draws(previous.posterior())).seed(seed(previous.posterior())).build();
        WarmStart start = Refresh.warmStart(previous, dataset, settings.chains());
        FitSession.Result result = FitSession.run(spec, dataset, settings, start, err(), quiet, out, List.of(), finished, staging -> { });
        Tables.printSamplerLine(out(), result.summary());
        if (!result.fit().complete()) {
            out().println(NO_DRIFT_WHEN_INTERRUPTED);
            return ExitCodes.INTERRUPTED;
        }
        Refresh.DriftReport drift = Refresh.drift(previous, result.fit());
        AtomicFiles.writeString(out.resolve("drift.json"), AnalysisJson.drift(drift, previous.model().rows(), result.fit().model().rows()));
        printDrift(drift, "ROAS");
        out().println("Wrote " + out + " (" + FitFolder.FILES + ", drift.json)");
        return ExitCodes.OK;
    }

    /** A geo fit folder ({@code mmm fit-geo}): the panel checked against the old one, refit warm-started, drift.json. */
    private int refreshGeo() throws Exception {
        GeoFit previous = GeoFit.load(fit);
        GeoData panel = GeoRefresh.readPanel(data, previous);
        AtomicFolder.checkWritable(out);
        Posterior old = previous.posterior();
        SamplerSettings settings = GeoRefresh.settings(previous, chains(old), warmup, draws(old), seed(old));
        GeoFitSession.Result result = GeoFitSession.run(settings, finished, out, err(), quiet,
                (progress, token) -> GeoRefresh.refit(previous, panel, settings, progress, token));
        GeoFit refreshed = result.fit();
        Posterior.RunInfo run = refreshed.posterior().run();
        out().printf(Locale.ROOT, "%d geos x %d periods (%d new), %d parameters sampled; warm-up %d iterations;"
                        + " %.1f s, %d gradients, %d divergences%n", panel.geoCount(), panel.periods(),
                panel.periods() - previous.model().periods(), refreshed.model().dimension(), run.warmup(),
                run.wallSeconds(), run.gradientEvaluations(), refreshed.posterior().divergences());
        if (!refreshed.complete()) {
            Tables.printInterrupted(out(), result.summary());
            out().println(NO_DRIFT_WHEN_INTERRUPTED);
            return ExitCodes.INTERRUPTED;
        }
        GeoRefresh.Drift drift = GeoRefresh.drift(previous, refreshed);
        AtomicFiles.writeString(out.resolve("drift.json"), GeoRefresh.driftJson(drift));
        printDrift(drift.national(), "national ROAS");
        long movedInGeos = drift.perGeo().stream().filter(GeoRefresh.GeoRoasDrift::moved).count();
        out().printf(Locale.ROOT, "  per geo: %d of %d ROAS (geo x channel) moved outside the old interval%n",
                movedInGeos, drift.perGeo().size());
        out().println("Wrote " + out + " (summary.json, draws.csv, " + GeoFit.GEO_FILE + ", drift.json)");
        return ExitCodes.OK;
    }

    /** The drift table: per channel its old and new ROAS over the old fit's periods, flagged when it moved. */
    private void printDrift(Refresh.DriftReport drift, String what) {
        out().printf(Locale.ROOT, "%nDrift over the old fit's periods %s to %s (old -> new %s, 90%% intervals):%n",
                drift.from(), drift.to(), what);
        for (Refresh.ChannelDrift c : drift.channels()) {
            out().printf(Locale.ROOT, "  %-14s %28s -> %-28s %s%n", c.channel(), SummaryCommand.text(c.oldRoas()),
                    SummaryCommand.text(c.newRoas()), c.moved() ? "MOVED outside the old interval" : "");
        }
    }

    private int chains(Posterior old) {
        int n = chains != null ? chains : old.chains();
        if (n < 1 || warmup < 0) {
            throw new IllegalArgumentException("--chains must be at least 1 and --warmup at least 0");
        }
        return n;
    }

    private int draws(Posterior old) {
        int kept = draws != null ? draws : Math.max(1, old.run().drawsRequested());
        if (kept < 1) {
            throw new IllegalArgumentException("--draws must be at least 1");
        }
        return kept;
    }

    private long seed(Posterior old) {
        return seed != null ? seed : old.provenance().seed() + 1;
    }
}
