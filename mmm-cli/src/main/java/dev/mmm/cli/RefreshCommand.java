package dev.mmm.cli;

import dev.mmm.core.analysis.Refresh;
import dev.mmm.core.data.CsvReader;
import dev.mmm.core.data.DataException;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.io.AnalysisJson;
import dev.mmm.core.io.AtomicFiles;
import dev.mmm.core.io.AtomicFolder;
import dev.mmm.core.io.FitFolder;
import dev.mmm.core.model.ControlSpec;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
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
            "Refit a saved model on data with new periods appended, warm-started from the old fit.",
            "",
            "Each chain starts where the old fit's chain ended, with its step size and metric, so a short warm-up"
                    + " (default 250 iterations, a quarter of a cold fit's) re-tunes instead of searching. Writes the new"
                    + " fit folder and drift.json: per channel its ROAS and contribution over the old fit's periods, old"
                    + " vs new, flagging channels whose new estimate left the old 90%% interval."},
        footer = {"", "Example:", "  mmm refresh --fit fit-2024-06 --data sales-to-2024-08.csv --out fit-2024-08"})
final class RefreshCommand extends CliCommand {

    @Option(names = "--fit", required = true, paramLabel = "DIR", description = "The old fit folder.")
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
        MmmFit previous = NationalFits.load(fit, "refresh", "refit it on all periods with 'mmm fit-geo --data all.csv"
                + " --spec spec.json --out NEW', spec.json being $.provenance.spec of " + fit.resolve("posterior.json"));
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
        int n = chains != null ? chains : previous.posterior().chains();
        int kept = draws != null ? draws : Math.max(1, previous.posterior().run().drawsRequested());
        long s = seed != null ? seed : previous.posterior().provenance().seed() + 1;
        if (n < 1 || kept < 1 || warmup < 0) {
            throw new IllegalArgumentException("--chains and --draws must be at least 1 and --warmup at least 0");
        }
        AtomicFolder.checkWritable(out);
        SamplerSettings settings = SamplerSettings.builder().chains(n).warmup(warmup).draws(kept).seed(s).build();
        WarmStart start = Refresh.warmStart(previous, dataset, n);
        FitSession.Result result = FitSession.run(spec, dataset, settings, start, err(), quiet, out, List.of(), finished, staging -> { });
        Tables.printSamplerLine(out(), result.summary());
        if (!result.fit().complete()) {
            return ExitCodes.INTERRUPTED;
        }
        Refresh.DriftReport drift = Refresh.drift(previous, result.fit());
        AtomicFiles.writeString(out.resolve("drift.json"), AnalysisJson.drift(drift, previous.model().rows(), result.fit().model().rows()));
        out().printf(Locale.ROOT, "%nDrift over the old fit's periods %s to %s (old -> new ROAS, 90%% intervals):%n",
                drift.from(), drift.to());
        for (Refresh.ChannelDrift c : drift.channels()) {
            out().printf(Locale.ROOT, "  %-14s %28s -> %-28s %s%n", c.channel(), SummaryCommand.text(c.oldRoas()),
                    SummaryCommand.text(c.newRoas()), c.moved() ? "MOVED outside the old interval" : "");
        }
        out().println("Wrote " + out + " (" + FitFolder.FILES + ", drift.json)");
        return ExitCodes.OK;
    }
}
