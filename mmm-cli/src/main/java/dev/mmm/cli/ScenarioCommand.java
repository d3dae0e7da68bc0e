package dev.mmm.cli;

import dev.mmm.core.data.CsvReader;
import dev.mmm.core.data.DataException;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.geo.GeoData;
import dev.mmm.core.geo.GeoFit;
import dev.mmm.core.geo.GeoModel;
import dev.mmm.core.geo.GeoPlanningWindow;
import dev.mmm.core.io.FitFolder;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.analysis.Interval;
import dev.mmm.core.optimize.OptimizeJson;
import dev.mmm.core.optimize.PlanWindow;
import dev.mmm.core.optimize.PlanningWindow;
import dev.mmm.core.optimize.PosteriorDraws;
import dev.mmm.core.optimize.ScenarioComparison;
import dev.mmm.core.optimize.ScenarioEvaluator;
import dev.mmm.core.optimize.ScenarioOutcome;
import dev.mmm.core.optimize.SpendPlan;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mmm scenario}: what a spend plan would bring, alone or against another plan. */
@Command(mixinStandardHelpOptions = true,
        name = "scenario",
        description = {
            "Evaluate a spend plan for the periods after the fitted data, or compare two plans.",
            "",
            "plan.csv has the fit's date column and one spend column per channel, one row per period right after the"
                    + " fitted data. Prints the expected and predicted target, the incremental target and ROAS with 90%%"
                    + " intervals, and with --against the difference between the plans (paired over the posterior draws).",
            "",
            "For a geo fit (written by 'mmm fit-geo') plan.csv is long format: the date and geo columns and every"
                    + " channel, one row per period and geo, every geo of the fit; the outcome is national (the geos"
                    + " summed), each channel in each geo, channel[geo], with its own incremental target (docs/geo.md)."},
        footer = {"", "Examples:", "  mmm scenario --fit fit-out --plan plan-q1.csv",
            "  mmm scenario --fit fit-out --plan more-tv.csv --against plan-q1.csv --json",
            "  mmm scenario --fit geo-out --plan geo-plan-q1.csv --json   (a geo fit: plan.csv has a geo column)"})
final class ScenarioCommand extends CliCommand {

    @Option(names = "--fit", required = true, paramLabel = "DIR", description = "A fit folder written by 'mmm fit', or a geo fit folder written by 'mmm fit-geo'.")
    Path fit;

    @Option(names = "--plan", required = true, paramLabel = "CSV", description = "Spend per channel per future period.")
    Path plan;

    @Option(names = "--against", paramLabel = "CSV", description = "Another plan of the same periods to compare with.")
    Path against;

    @Option(names = "--json", description = "Print JSON (docs/optimize.md) instead of text.")
    boolean json;

    @Override
    protected int execute() throws Exception {
        PlanWindow window;
        PosteriorDraws draws;
        SpendPlan first;
        SpendPlan second = null;
        if (GeoFit.isGeoFit(fit)) {
            GeoFit loaded = GeoFit.load(fit);
            GeoData rows = readGeoPlan(loaded.model(), plan);
            GeoPlanningWindow geoWindow = GeoPlanningWindow.future(loaded.model(), rows.periods());
            first = geoPlanOf(geoWindow, rows, plan);
            if (against != null) {
                GeoData other = readGeoPlan(loaded.model(), against);
                requireSamePeriods(other.periods(), other.dates()[0], rows.periods(), rows.dates()[0]);
                second = geoPlanOf(geoWindow, other, against);
            }
            window = geoWindow;
            draws = GeoPlanningWindow.draws(loaded.posterior());
        } else {
            MmmFit loaded = FitFolder.load(fit);
            Dataset rows = CsvReader.read(plan, loaded.spec().dateColumn());
            PlanningWindow national = PlanningWindow.future(loaded.model(), rows.rows());
            first = planOf(loaded, national, rows, plan);
            if (against != null) {
                Dataset other = CsvReader.read(against, loaded.spec().dateColumn());
                requireSamePeriods(other.rows(), other.date(0), rows.rows(), rows.date(0));
                second = planOf(loaded, national, other, against);
            }
            window = national;
            var posterior = loaded.posterior();
            draws = PosteriorDraws.of(posterior.drawCount(), (theta, d) -> posterior.drawInto(d, theta));
        }
        ScenarioEvaluator scenarios = new ScenarioEvaluator(window, draws);
        ScenarioOutcome a = scenarios.evaluate(first);
        ScenarioOutcome b = second == null ? null : scenarios.evaluate(second);
        ScenarioComparison diff = b == null ? null : scenarios.compare(a, b);
        if (json) {
            out().print(OptimizeJson.toJson(a, b, diff, window));
            return ExitCodes.OK;
        }
        print("plan " + plan, a, window.periods());
        if (b != null) {
            print("against " + against, b, window.periods());
            out().printf(Locale.ROOT, "%nDifference (plan - against), per period: incremental %s; expected target %s;"
                    + " P(plan higher) %.2f%n", text(diff.incremental(), window.periods()),
                    text(diff.expectedTarget(), window.periods()), diff.probabilityHigher());
        }
        return ExitCodes.OK;
    }

    private void requireSamePeriods(int rows, LocalDate start, int planRows, LocalDate planStart) {
        if (rows != planRows || !start.equals(planStart)) {
            throw new DataException(against + ": covers other periods than " + plan + " (" + rows
                    + " rows from " + start + " against " + planRows + " from " + planStart + ")");
        }
    }

    /** A geo plan in long format: the date and geo columns and every channel (its rows per period and geo). */
    private static GeoData readGeoPlan(GeoModel model, Path file) throws java.io.IOException {
        GeoData rows = GeoData.read(file, model.spec().base().dateColumn(), model.spec().geoColumn(), model.channels());
        GeoInputs.requireFittedGeos(file, model, rows);
        return rows;
    }

    private static SpendPlan geoPlanOf(GeoPlanningWindow window, GeoData rows, Path file) {
        LocalDate next = window.windowDates()[0];
        if (!rows.dates()[0].equals(next)) {
            throw new DataException(file + ": the plan starts on " + rows.dates()[0] + "; it must continue the fitted"
                    + " data, whose next period is " + next);
        }
        Map<String, double[]> spend = new LinkedHashMap<>();
        for (String unit : window.channels()) {
            spend.put(unit, rows.geo(rows.geos().indexOf(window.geoOf(unit))).column(window.channelOf(unit)));
        }
        return SpendPlan.of(window, spend);
    }

    private static SpendPlan planOf(MmmFit fit, PlanningWindow window, Dataset rows, Path file) {
        LocalDate last = fit.model().dates()[fit.model().rows() - 1];
        if (!rows.date(0).isAfter(last)) {
            throw new DataException(file + " row 2: date " + rows.date(0) + " is not after the fitted data, which ends " + last);
        }
        Map<String, double[]> spend = new LinkedHashMap<>();
        List<String> channels = fit.spec().channelNames();
        for (String c : channels) {
            if (!rows.hasColumn(c)) {
                throw new DataException(file + ": column '" + c + "' is missing; a plan has one spend column per channel ("
                        + String.join(", ", channels) + ")");
            }
            spend.put(c, rows.column(c));
        }
        return SpendPlan.of(window, spend);
    }

    private void print(String title, ScenarioOutcome o, int periods) {
        out().printf(Locale.ROOT, "%s: expected target per period %s, incremental %s, ROAS %s%n", title,
                text(o.expectedTarget(), periods), text(o.incremental(), periods), text(o.roas(), 1));
    }

    private static String text(Interval i, int periods) {
        return Tables.num(i.mean() / periods) + " [" + Tables.num(i.q05() / periods) + ", " + Tables.num(i.q95() / periods) + "]";
    }
}
