package dev.mmm.cli;

import dev.mmm.core.analysis.ChannelSummary;
import dev.mmm.core.analysis.ChannelTable;
import dev.mmm.core.analysis.InputDiagnostics;
import dev.mmm.core.analysis.Interval;
import dev.mmm.core.analysis.PosteriorAnalysis;
import dev.mmm.core.analysis.SynergySummary;
import java.util.List;
import dev.mmm.core.analysis.Window;
import dev.mmm.core.io.AnalysisJson;
import dev.mmm.core.model.MmmFit;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mmm summary}: per channel spend, contribution, share, ROAS and marginal ROAS of a saved fit. */
@Command(mixinStandardHelpOptions = true,
        name = "summary",
        description = {
            "What each channel contributed and returned, with 90%% credible intervals.",
            "",
            "Reads a fit folder written by 'mmm fit' and prints, per channel, its spend, its contribution to the target,"
                    + " its share of the media contribution, its ROAS (incremental target per unit of spend, counting the"
                    + " carry-over that lands after the window) and its marginal ROAS (the same for 1%% more spend),"
                    + " plus the baseline. Dates limit the window; the default is every fitted period."},
        footer = {"", "Examples:", "  mmm summary --fit fit-out",
            "  mmm summary --fit fit-out --from 2024-01-01 --to 2024-12-31 --json"})
final class SummaryCommand extends CliCommand {

    @Option(names = "--fit", required = true, paramLabel = "DIR", description = "A fit folder written by 'mmm fit'.")
    Path fit;

    @Option(names = "--from", paramLabel = "DATE", description = "First date of the window (ISO, e.g. 2024-01-01).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last date of the window.")
    LocalDate to;

    @Option(names = "--json", description = "Print JSON (documented in docs/analysis.md) instead of a table.")
    boolean json;

    @Override
    protected int execute() throws Exception {
        MmmFit loaded = NationalFits.load(fit, "summary", "its ROAS and marginal ROAS nationally and per geo are in "
                + fit.resolve(dev.mmm.core.geo.GeoFit.GEO_FILE) + ", and 'mmm report --fit " + fit + "' shows them");
        PosteriorAnalysis analysis = PosteriorAnalysis.of(loaded);
        Window window = Window.between(loaded.model(), from, to);
        ChannelTable table = analysis.channels(window);
        List<SynergySummary> synergies = analysis.synergies(window);
        InputDiagnostics inputs = analysis.inputs(window);
        if (json) {
            out().print(AnalysisJson.summary(table, synergies, inputs, loaded.spec().targetColumn()));
            return ExitCodes.OK;
        }
        out().printf(Locale.ROOT, "Window %s to %s (%d periods); intervals are 90%% credible intervals.%n%n",
                table.from(), table.to(), table.periods());
        String row = "%-14s %14s %30s %20s %22s %22s%n";
        out().printf(Locale.ROOT, row, "channel", "spend", "contribution", "share", "roas", "mroas");
        for (ChannelSummary c : table.channels()) {
            out().printf(Locale.ROOT, row, c.channel(), Tables.num(c.spend()), text(c.contribution()),
                    percent(c.share()), text(c.roas()), text(c.mroas()));
        }
        for (SynergySummary s : synergies) {
            out().printf(Locale.ROOT, "%n%s: contribution %s, probability positive %.2f%n", s.name(),
                    text(s.contribution()), s.probabilityPositive());
        }
        out().printf(Locale.ROOT, "%n%-14s %14s %30s%n", "baseline", "", text(table.baseline()));
        out().printf(Locale.ROOT, "%-14s %14s %30s%n", "total", "", text(table.total()));
        if (!inputs.warnings().isEmpty()) {
            out().println();
            out().println("About the inputs:");
            inputs.warnings().forEach(w -> out().println("  - " + w));
        }
        return ExitCodes.OK;
    }

    static String text(Interval i) {
        return Tables.num(i.mean()) + " [" + Tables.num(i.q05()) + ", " + Tables.num(i.q95()) + "]";
    }

    private static String percent(Interval i) {
        return String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f]", 100 * i.mean(), 100 * i.q05(), 100 * i.q95());
    }
}
