package dev.mmm.cli;

import dev.mmm.core.data.CsvReader;
import dev.mmm.core.data.DataException;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.analysis.Interval;
import dev.mmm.core.optimize.OptimizeJson;
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
                    + " intervals, and with --against the difference between the plans (paired over the posterior draws)."},
        footer = {"", "Examples:", "  mmm scenario --fit fit-out --plan plan-q1.csv",
            "  mmm scenario --fit fit-out --plan more-tv.csv --against plan-q1.csv --json"})
final class ScenarioCommand extends CliCommand {

    @Option(names = "--fit", required = true, paramLabel = "DIR", description = "A fit folder written by 'mmm fit'.")
    Path fit;

    @Option(names = "--plan", required = true, paramLabel = "CSV", description = "Spend per channel per future period.")
    Path plan;

    @Option(names = "--against", paramLabel = "CSV", description = "Another plan of the same periods to compare with.")
    Path against;

    @Option(names = "--json", description = "Print JSON (docs/optimize.md) instead of text.")
    boolean json;

    @Override
    protected int execute() throws Exception {
        MmmFit loaded = NationalFits.load(fit, "scenario", "for a geo plan, 'mmm predict --fit " + fit
                + " --data plan.csv' (long format: date, geo, every channel and control) predicts its target nationally"
                + " and per geo, and 'mmm optimize --fit " + fit + "' splits a budget across geo x channel");
        Dataset first = CsvReader.read(plan, loaded.spec().dateColumn());
        PlanningWindow window = PlanningWindow.future(loaded.model(), first.rows());
        var posterior = loaded.posterior();
        ScenarioEvaluator scenarios = new ScenarioEvaluator(window,
                PosteriorDraws.of(posterior.drawCount(), (theta, d) -> posterior.drawInto(d, theta)));
        ScenarioOutcome a = scenarios.evaluate(planOf(loaded, window, first, plan));
        ScenarioOutcome b = null;
        ScenarioComparison diff = null;
        if (against != null) {
            Dataset second = CsvReader.read(against, loaded.spec().dateColumn());
            if (second.rows() != first.rows() || !second.date(0).equals(first.date(0))) {
                throw new DataException(against + ": covers other periods than " + plan + " (" + second.rows()
                        + " rows from " + second.date(0) + " against " + first.rows() + " from " + first.date(0) + ")");
            }
            b = scenarios.evaluate(planOf(loaded, window, second, against));
            diff = scenarios.compare(a, b);
        }
        if (json) {
            out().print(OptimizeJson.toJson(a, b, diff, window.periods()));
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
