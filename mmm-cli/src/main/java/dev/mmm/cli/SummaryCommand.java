package dev.mmm.cli;

import dev.mmm.core.analysis.ChannelSummary;
import dev.mmm.core.analysis.ChannelTable;
import dev.mmm.core.analysis.InputDiagnostics;
import dev.mmm.core.analysis.Interval;
import dev.mmm.core.analysis.PosteriorAnalysis;
import dev.mmm.core.analysis.SynergySummary;
import java.util.List;
import dev.mmm.core.analysis.Window;
import dev.mmm.core.analysis.Decomposition;
import dev.mmm.core.geo.GeoAnalysis;
import dev.mmm.core.geo.GeoFit;
import dev.mmm.core.geo.GeoJson;
import dev.mmm.core.io.AnalysisJson;
import dev.mmm.core.io.FitFolder;
import dev.mmm.core.io.FitSummary;
import dev.mmm.core.io.SummaryJson;
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
                    + " plus the baseline. Dates limit the window; the default is every fitted period.",
            "",
            "On a geo fit folder (written by 'mmm fit-geo'): the sampler's diagnostics, the national ROAS and marginal"
                    + " ROAS with each channel's contribution and share of the prediction, the national decomposition,"
                    + " and per geo each channel's ROAS and marginal ROAS and the geo's fit (observed and predicted"
                    + " total, R^2) over the window."},
        footer = {"", "Examples:", "  mmm summary --fit fit-out",
            "  mmm summary --fit fit-out --from 2024-01-01 --to 2024-12-31 --json"})
final class SummaryCommand extends CliCommand {

    @Option(names = "--fit", required = true, paramLabel = "DIR", description = "A fit folder written by 'mmm fit' or 'mmm fit-geo'.")
    Path fit;

    @Option(names = "--from", paramLabel = "DATE", description = "First date of the window (ISO, e.g. 2024-01-01).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last date of the window.")
    LocalDate to;

    @Option(names = "--json", description = "Print JSON (documented in docs/analysis.md) instead of a table.")
    boolean json;

    @Override
    protected int execute() throws Exception {
        if (GeoFit.isGeoFit(fit)) {
            return geo(GeoFit.load(fit));
        }
        MmmFit loaded = FitFolder.load(fit);
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

    /**
     * A geo fit: the sampler's diagnostics, the national ROAS and marginal ROAS with each channel's
     * contribution and share of the prediction, the national decomposition, and per geo its ROAS
     * per channel and its fit (observed and predicted total, R^2), all over the window.
     */
    private int geo(GeoFit geoFit) throws java.io.IOException {
        GeoAnalysis analysis = geoFit.analysis();
        Window window = analysis.between(from, to);
        FitSummary sampler = SummaryJson.read(fit.resolve(dev.mmm.core.io.FitWriter.SUMMARY_FILE));
        if (json) {
            out().print(GeoJson.summary(geoFit, window, sampler));
            return ExitCodes.OK;
        }
        GeoAnalysis.Roas roas = analysis.roas(window);
        GeoAnalysis.GeoDecomposition dec = analysis.decomposition(window, false);
        LocalDate[] dates = geoFit.model().dates();
        out().printf(Locale.ROOT, "Geo fit of %d geos; window %s to %s (%d periods); intervals are 90%% credible"
                + " intervals.%n%n", geoFit.model().geoCount(), dates[window.from()], dates[window.to() - 1], window.rows());
        Tables.printSamplerLine(out(), sampler);
        worst("largest R-hat", sampler, FitSummary.Parameter::rhat, true, 3);
        worst("smallest bulk ESS", sampler, FitSummary.Parameter::essBulk, false, 0);
        worst("smallest tail ESS", sampler, FitSummary.Parameter::essTail, false, 0);
        sampler.warnings().forEach(w -> out().println("warning: " + w));

        out().printf(Locale.ROOT, "%nNational (the geos summed)%n");
        String row = "%-14s %14s %30s %20s %22s %22s%n";
        out().printf(Locale.ROOT, row, "channel", "spend", "contribution", "share of total", "roas", "mroas");
        for (GeoAnalysis.ChannelRoas r : roas.national()) {
            Decomposition.Series part = part(dec.national(), r.channel());
            out().printf(Locale.ROOT, row, r.channel(), Tables.num(r.spend()), text(part.total()),
                    percent(part.share()), text(r.roas()), text(r.mroas()));
        }
        out().printf(Locale.ROOT, "%nNational decomposition (share of the prediction)%n");
        String partRow = "%-14s %30s %20s%n";
        for (Decomposition.Series part : dec.national().parts()) {
            out().printf(Locale.ROOT, partRow, part.name(), text(part.total()), percent(part.share()));
        }
        out().printf(Locale.ROOT, partRow, "baseline", text(dec.national().baseline().total()),
                percent(dec.national().baseline().share()));
        out().printf(Locale.ROOT, partRow, "media", text(dec.national().media().total()),
                percent(dec.national().media().share()));
        out().printf(Locale.ROOT, "%-14s %30s%n", "total", text(dec.national().prediction().total()));

        out().printf(Locale.ROOT, "%nPer geo: ROAS%n");
        String geoRow = "%-14s %-14s %14s %22s %22s%n";
        out().printf(Locale.ROOT, geoRow, "geo", "channel", "spend", "roas", "mroas");
        for (GeoAnalysis.ChannelRoas r : roas.perGeo()) {
            out().printf(Locale.ROOT, geoRow, r.geo(), r.channel(), Tables.num(r.spend()), text(r.roas()), text(r.mroas()));
        }
        out().printf(Locale.ROOT, "%nPer geo: fit%n");
        String fitRow = "%-14s %14s %30s %8s %20s%n";
        out().printf(Locale.ROOT, fitRow, "geo", "observed", "predicted", "R^2", "media share");
        for (GeoAnalysis.GeoFitSummary f : analysis.geoFits(window)) {
            out().printf(Locale.ROOT, fitRow, f.geo(), Tables.num(f.observedTotal()), text(f.predictedTotal()),
                    Tables.fixed(f.rSquared(), 3), percent(dec.of(f.geo()).media().share()));
        }
        return ExitCodes.OK;
    }

    private void worst(String what, FitSummary s, java.util.function.ToDoubleFunction<FitSummary.Parameter> stat,
                       boolean largest, int decimals) {
        FitSummary.Parameter p = GeoJson.worstParameter(s, stat, largest);
        if (p != null) {
            out().printf(Locale.ROOT, "%s %s (%s)%n", what, Tables.fixed(stat.applyAsDouble(p), decimals), p.name());
        }
    }

    private static Decomposition.Series part(Decomposition d, String name) {
        return d.parts().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no decomposition part '" + name + "'"));
    }

    static String text(Interval i) {
        return Tables.num(i.mean()) + " [" + Tables.num(i.q05()) + ", " + Tables.num(i.q95()) + "]";
    }

    private static String percent(Interval i) {
        return String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f]", 100 * i.mean(), 100 * i.q05(), 100 * i.q95());
    }
}
