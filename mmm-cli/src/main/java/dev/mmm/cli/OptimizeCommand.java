package dev.mmm.cli;

import dev.mmm.core.geo.GeoFit;
import dev.mmm.core.geo.GeoPlanningWindow;
import dev.mmm.core.io.FitFolder;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.optimize.AllocationResult;
import dev.mmm.core.optimize.BudgetOptimizer;
import dev.mmm.core.optimize.BudgetProblem;
import dev.mmm.core.optimize.BudgetTarget;
import dev.mmm.core.optimize.ChannelBound;
import dev.mmm.core.optimize.DefaultBounds;
import dev.mmm.core.optimize.Flighting;
import dev.mmm.core.analysis.Interval;
import dev.mmm.core.optimize.Objective;
import dev.mmm.core.optimize.OptimizeJson;
import dev.mmm.core.optimize.PlanWindow;
import dev.mmm.core.optimize.PlanningWindow;
import dev.mmm.core.optimize.PosteriorDraws;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mmm optimize}: where the next budget should go, over the posterior. */
@Command(mixinStandardHelpOptions = true,
        name = "optimize",
        sortOptions = false,
        description = {
            "Allocate a budget over the channels for the next periods, maximising the expected incremental target.",
            "",
            "The window is the N periods after the fitted data: the last periods' spend carries adstock into it, and"
                    + " the window's own carry-over after it counts. 'current' is the last N fitted periods' channel mix"
                    + " scaled to the same budget. Amounts in the output are per period of the window; --budget is the"
                    + " total over the window. Bounds are totals over the window, absolute or relative to the current"
                    + " mix (0.5x:2x); 'locked' keeps a channel at its current spend. A channel without --bounds gets the"
                    + " default bounds: 0.5x to 2x of its current spend, and no period above its largest spend in one"
                    + " fitted period, so that the plan stays where the data show the response; a note says when a"
                    + " bound binds. See docs/optimize.md."},
        footer = {"", "Examples:",
            "  mmm optimize --fit fit-out --budget 1300000 --periods 13",
            "  mmm optimize --fit fit-out --budget 1300000 --periods 13 --bounds tv=0.5x:1.5x,radio=locked --objective cvar:0.1 --json",
            "  mmm optimize --fit fit-out --periods 13 --target-mroas 1.2 --budget 5000000   (largest budget up to 5M whose mROAS stays >= 1.2)",
            "  mmm optimize --fit geo-out --budget 1300000 --periods 13 --bounds 'tv=0.5x:1.5x,search[North]=locked' --json   (a geo fit: geo x channel)"})
final class OptimizeCommand extends CliCommand {

    @Option(names = "--fit", required = true, paramLabel = "DIR", description = "A fit folder written by 'mmm fit', or a geo fit folder written by 'mmm fit-geo' (then the budget is allocated across geo x channel; bound a channel in one geo as ch[geo]=lo:hi, a bare channel name bounds it in every geo).")
    Path fit;

    @Option(names = "--budget", required = true, paramLabel = "B", description = "Total budget over the window (with --target-mroas or --target-cost-per-unit: the most it may reach).")
    double budget;

    @Option(names = "--periods", required = true, paramLabel = "N", description = "Length of the window after the fitted data.")
    int periods;

    @Option(names = "--bounds", paramLabel = "LIST", description = "Per channel bounds on its window total: ch=lo:hi (money), ch=0.5x:2x (relative to current), ch=locked; comma-separated.")
    String bounds;

    @Option(names = "--default-bounds", defaultValue = "0.5x:2x", paramLabel = "LO x:HI x", description = "Bounds of the channels without --bounds, relative to their current spend (each also capped at its largest spend in one fitted period), or none. Default: ${DEFAULT-VALUE}.")
    String defaultBounds;

    @Option(names = "--no-default-bounds", description = "Leave the channels without --bounds free within the budget (same as --default-bounds none): the plan may go far beyond any spend in the data.")
    boolean noDefaultBounds;

    @Option(names = "--objective", defaultValue = "mean", paramLabel = "OBJ", description = "mean, mean-sd:K (mean less K sd) or cvar:Q (mean of the worst Q share of draws). Default: ${DEFAULT-VALUE}.")
    String objective;

    @Option(names = "--flighting", defaultValue = "flat", paramLabel = "F", description = "How each channel's budget spreads over the periods: flat or historical (the last N fitted periods' pattern). Default: ${DEFAULT-VALUE}.")
    String flighting;

    @Option(names = "--target-mroas", paramLabel = "X", description = "Instead of spending --budget: the largest budget whose marginal ROAS at the optimum stays >= X.")
    Double targetMroas;

    @Option(names = "--target-cost-per-unit", paramLabel = "X", description = "Instead of spending --budget: the largest budget whose cost per incremental unit stays <= X.")
    Double targetCostPerUnit;

    @Option(names = "--json", description = "Print JSON (docs/optimize.md) instead of a table.")
    boolean json;

    @Override
    protected int execute() throws Exception {
        UsageException.require(periods >= 1 && periods <= 520, "--periods must be between 1 and 520, got " + periods);
        UsageException.require(budget >= 0 && Double.isFinite(budget), "--budget must be a finite amount >= 0, got " + budget);
        UsageException.require(targetMroas == null || targetCostPerUnit == null,
                "give --target-mroas or --target-cost-per-unit, not both");
        UsageException.require(flighting.equals("flat") || flighting.equals("historical"),
                "--flighting must be flat or historical, got " + flighting);
        Objective goal = Objective.parse(objective);
        UsageException.require(!noDefaultBounds || defaultBounds.equals("0.5x:2x"),
                "give --default-bounds or --no-default-bounds, not both");
        DefaultBounds defaults = noDefaultBounds ? DefaultBounds.none() : DefaultBounds.parse(defaultBounds);
        PlanWindow window;
        PosteriorDraws draws;
        boolean geo = GeoFit.isGeoFit(fit);
        if (geo) {
            GeoFit loaded = GeoFit.load(fit);
            window = GeoPlanningWindow.future(loaded.model(), periods);
            draws = GeoPlanningWindow.draws(loaded.posterior());
        } else {
            MmmFit loaded = FitFolder.load(fit);
            window = PlanningWindow.future(loaded.model(), periods);
            var posterior = loaded.posterior();
            draws = PosteriorDraws.of(posterior.drawCount(), (theta, d) -> posterior.drawInto(d, theta));
        }
        BudgetProblem.Builder problem = BudgetProblem.builder(window, draws).objective(goal).defaultBounds(defaults)
                .flighting(flighting.equals("flat") ? Flighting.flat() : Flighting.historical());
        if (targetMroas != null) {
            problem.budget(new BudgetTarget.MarginalRoas(targetMroas, budget));
        } else if (targetCostPerUnit != null) {
            problem.budget(new BudgetTarget.CostPerUnit(targetCostPerUnit, budget));
        } else {
            problem.budget(budget);
        }
        if (bounds != null) {
            problem.bounds(ChannelBound.parseList(bounds));
        }
        AllocationResult r = BudgetOptimizer.optimize(problem.build());
        if (json) {
            out().print(OptimizeJson.toJson(r));
            return ExitCodes.OK;
        }
        double n = r.periods();
        out().printf(Locale.ROOT, "Budget %s over %d periods (%s per period), objective %s, rule %s%n%n",
                Tables.num(r.budget()), r.periods(), Tables.num(r.budget() / n), r.objective(), r.budgetRule());
        String row = "%-14s " + (geo ? "%-14s " : "%s") + "%14s %14s %14s %26s  %s%n";
        out().printf(Locale.ROOT, row, "channel", geo ? "geo" : "", "current/period", "optimal/period", "change",
                "mROAS at optimum [90%]", "bound");
        for (int i = 0; i < r.allocation().size(); i++) {
            AllocationResult.ChannelAllocation a = r.allocation().get(i);
            Interval m = r.mroas().get(i).mroas();
            out().printf(Locale.ROOT, row, a.channel(), geo ? a.geo() : "", Tables.num(a.current() / n),
                    Tables.num(a.optimal() / n),
                    Tables.num(a.change() / n), Tables.num(m.mean()) + " [" + Tables.num(m.q05()) + ", " + Tables.num(m.q95()) + "]",
                    a.bound() + (a.atBound() == null ? "" : ", at " + a.atBound()));
        }
        out().printf(Locale.ROOT, "%nIncremental target per period: current %s, optimal %s; uplift %s [%s, %s] (90%%)%n",
                Tables.num(r.current().incremental().mean() / n), Tables.num(r.optimal().incremental().mean() / n),
                Tables.num(r.uplift().mean() / n), Tables.num(r.uplift().q05() / n), Tables.num(r.uplift().q95() / n));
        r.warnings().forEach(w -> out().println("note: " + Errors.oneLine(w)));
        return ExitCodes.OK;
    }
}
