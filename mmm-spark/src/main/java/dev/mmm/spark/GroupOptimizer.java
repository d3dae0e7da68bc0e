package dev.mmm.spark;

import dev.mmm.core.data.DataException;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.optimize.BudgetOptimizer;
import dev.mmm.core.optimize.BudgetProblem;
import dev.mmm.core.optimize.ChannelBound;
import dev.mmm.core.optimize.Objective;
import dev.mmm.core.optimize.PlanningWindow;
import dev.mmm.core.optimize.PosteriorDraws;
import dev.mmm.core.posterior.Posterior;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Optimises one group's budget inside an executor: loads its fit folder and runs
 * {@link BudgetOptimizer} over the {@code periods} after its data, exactly as on one fit
 * (docs/optimize.md). Any failure becomes the group's error row.
 */
final class GroupOptimizer {

    private GroupOptimizer() {
    }

    /**
     * @param budget the group's budget over the window, or null if the group has none (an error)
     */
    static List<org.apache.spark.sql.Row> optimize(GroupKey key, Double budget, FitOutput fits,
                                                   BatchOptimize.Settings settings) {
        try {
            GroupFitter.requireValues(key);
            if (budget == null) {
                throw new DataException("group " + key + ": no budget given");
            }
            MmmFit fit;
            try {
                fit = fits.load(key.folder());
            } catch (NoSuchFileException e) {
                throw new DataException("no fit for this group: " + e.getFile());
            }
            return OptimizeResult.rows(key, BudgetOptimizer.optimize(problem(fit, budget, settings)));
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            return List.of(OptimizeResult.failed(key, budget, settings.periods(), GroupFitter.message(e)));
        }
    }

    /** The budget problem of one fit: the window after its data, all its draws, the settings' bounds and objective. */
    static BudgetProblem problem(MmmFit fit, double budget, BatchOptimize.Settings settings) {
        PlanningWindow window = PlanningWindow.future(fit.model(), settings.periods());
        Posterior p = fit.posterior();
        Map<String, ChannelBound> bounds = new LinkedHashMap<>();
        settings.bounds().forEach((channel, text) -> bounds.put(channel, ChannelBound.parse(text, "bounds " + channel)));
        return BudgetProblem.builder(window, PosteriorDraws.of(p.drawCount(), (theta, d) -> p.drawInto(d, theta)))
                .budget(budget)
                .bounds(bounds)
                .objective(Objective.parse(settings.objective()))
                .build();
    }
}
