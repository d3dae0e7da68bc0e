package dev.mmm.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.management.ThreadMXBean;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.LikelihoodSpec;
import dev.mmm.core.model.ModelSpec;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * d objective / d channel budget, through the flighting, the per-draw gradient and the
 * objective's weights, against finite differences; and the optimum on a log-link model against
 * a grid.
 */
class ObjectiveGradientTest {

    private static final int PERIODS = 13;

    private static BudgetOptimizer optimizer(boolean logLink, Objective objective, Flighting flighting, int draws) {
        ModelSpec.Builder b = Fixtures.spec("tv", "search", "social").synergy("tv", "search");
        if (logLink) {
            b.likelihood(LikelihoodSpec.logNormal());
        }
        CompiledModel model = Fixtures.model(b.build());
        Map<String, Double> overrides = logLink
                ? Map.of("synergy[tv:search]", 0.05, "intercept", 0.1, "sigma", 0.05)
                : Map.of("synergy[tv:search]", 0.05);
        return new BudgetOptimizer(BudgetProblem.builder(PlanningWindow.future(model, PERIODS),
                        PosteriorDraws.of(Fixtures.draws(model, draws, 21, 0.15, overrides)))
                .budget(13 * 50_000.0).flighting(flighting).objective(objective).build());
    }

    @Test
    void theObjectivesGradientInEachChannelsBudgetMatchesFiniteDifferences() {
        for (boolean logLink : new boolean[] {false, true}) {
            for (Flighting flighting : List.of(Flighting.flat(), Flighting.historical(),
                    Flighting.given(new double[] {1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1}))) {
                for (Objective objective : List.of(Objective.mean(), Objective.meanMinusSd(1.0), Objective.cvar(0.2))) {
                    BudgetOptimizer o = optimizer(logLink, objective, flighting, 40);
                    double[] x = {200_000, 250_000, 180_000};
                    double[] g = new double[3];
                    o.objectiveAndGradient(x, g);
                    for (int c = 0; c < 3; c++) {
                        double h = 1.0;
                        double[] up = x.clone();
                        double[] down = x.clone();
                        up[c] += h;
                        down[c] -= h;
                        double numeric = (o.objective(up) - o.objective(down)) / (2 * h);
                        assertThat(g[c]).as("log %s %s %s channel %d", logLink, flighting, objective.label(), c)
                                .isCloseTo(numeric, within(1e-5 * Math.abs(numeric) + 1e-9));
                    }
                }
            }
        }
    }

    @Test
    void onALogLinkModelTheOptimumMatchesAGridSearch() {
        BudgetOptimizer o = optimizer(true, Objective.mean(), Flighting.flat(), 60);
        AllocationResult r = o.optimize();
        double budget = 13 * 50_000.0;
        double found = o.objective(new double[] {r.optimal("tv"), r.optimal("search"), r.optimal("social")});
        double best = Double.NEGATIVE_INFINITY;
        int steps = 100;
        for (int i = 0; i <= steps; i++) {
            for (int j = 0; i + j <= steps; j++) {
                double a = budget * i / steps;
                double b = budget * j / steps;
                best = Math.max(best, o.objective(new double[] {a, b, budget - a - b}));
            }
        }
        assertThat(found).isGreaterThanOrEqualTo(best - 1e-3 * Math.abs(best));
        assertThat(found).isCloseTo(best, within(1e-3 * Math.abs(best)));
    }

    @Test
    void evaluatingAPlanWithItsGradientAllocatesNothing() {
        BudgetOptimizer o = optimizer(false, Objective.mean(), Flighting.flat(), 30);
        SpendResponse evaluator = o.evaluator();
        double[][] spend = new double[3][PERIODS];
        double[][] direction = new double[3][PERIODS];
        for (int c = 0; c < 3; c++) {
            java.util.Arrays.fill(spend[c], 10_000.0 * (c + 1));
            java.util.Arrays.fill(direction[c], 1.0 / PERIODS);
        }
        double[] values = new double[evaluator.draws()];
        double[][] gradient = new double[evaluator.draws()][3];
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (int i = 0; i < 200; i++) {
            evaluator.evaluate(spend, direction, values, gradient);
        }
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 200; i++) {
            evaluator.evaluate(spend, direction, values, gradient);
        }
        long bytes = threads.getThreadAllocatedBytes(id) - before;
        // A few bytes of slack for the counter itself, far below one array per call.
        assertThat(bytes).isLessThan(1024);
    }
}
