package dev.mmm.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.ModelSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The optimum against brute force, its first-order conditions, bounds, edge cases and order invariance. */
class BudgetOptimizerTest {

    private static final int PERIODS = 13;

    /** Without the default bounds: the grids below span the whole budget. */
    private static BudgetOptimizer optimizer(CompiledModel model, int draws, Objective objective, double budget,
                                             Map<String, ChannelBound> bounds) {
        return optimizer(model, draws, objective, budget, bounds, DefaultBounds.none());
    }

    private static BudgetOptimizer optimizer(CompiledModel model, int draws, Objective objective, double budget,
                                             Map<String, ChannelBound> bounds, DefaultBounds defaults) {
        PlanningWindow window = PlanningWindow.future(model, PERIODS);
        BudgetProblem p = BudgetProblem.builder(window, PosteriorDraws.of(Fixtures.draws(model, draws, 5)))
                .budget(budget).bounds(bounds).defaultBounds(defaults).objective(objective).build();
        return new BudgetOptimizer(p);
    }

    private static double sum(double[] x) {
        return Arrays.stream(x).sum();
    }

    /** The best objective on a grid of allocations of {@code budget} over two channels. */
    private static double gridTwo(BudgetOptimizer o, double budget, double lo0, double hi0, double lo1, double hi1) {
        double best = Double.NEGATIVE_INFINITY;
        int steps = 2000;
        double from = Math.max(lo0, budget - hi1);
        double to = Math.min(hi0, budget - lo1);
        for (int i = 0; i <= steps; i++) {
            double a = from + (to - from) * i / steps;
            best = Math.max(best, o.objective(new double[] {a, budget - a}));
        }
        return best;
    }

    @Test
    void onTwoChannelsTheOptimumMatchesAGridSearchForEveryObjective() {
        CompiledModel model = Fixtures.model(Fixtures.spec("tv", "search").build());
        double budget = 13 * 40_000.0;
        for (Objective objective : List.of(Objective.mean(), Objective.meanMinusSd(1.0), Objective.cvar(0.1))) {
            BudgetOptimizer o = optimizer(model, 100, objective, budget, Map.of());
            AllocationResult r = o.optimize();
            double[] x = {r.optimal("tv"), r.optimal("search")};
            double grid = gridTwo(o, budget, 0, budget, 0, budget);
            double found = o.objective(x);
            assertThat(found).as(objective.label()).isGreaterThanOrEqualTo(grid - 1e-3 * Math.abs(grid));
            assertThat(found).as(objective.label()).isCloseTo(grid, within(1e-3 * Math.abs(grid)));
            assertThat(r.objectiveValue().optimal()).isCloseTo(found, within(1e-9 * Math.abs(found)));
        }
    }

    @Test
    void onTwoChannelsWithBindingBoundsTheOptimumMatchesAGridSearch() {
        CompiledModel model = Fixtures.model(Fixtures.spec("tv", "search").build());
        double budget = 13 * 40_000.0;
        BudgetOptimizer o = optimizer(model, 100, Objective.mean(), budget,
                Map.of("tv", ChannelBound.absolute(0, 0.2 * budget)));
        AllocationResult r = o.optimize();
        double grid = gridTwo(o, budget, 0, 0.2 * budget, 0, budget);
        double found = o.objective(new double[] {r.optimal("tv"), r.optimal("search")});
        assertThat(found).isCloseTo(grid, within(1e-3 * Math.abs(grid)));
        assertThat(r.optimal("tv")).isLessThanOrEqualTo(0.2 * budget + 0.005);
    }

    @Test
    void onThreeChannelsTheOptimumMatchesAGridSearch() {
        CompiledModel model = Fixtures.model(Fixtures.spec("tv", "search", "social").synergy("tv", "social").build());
        double budget = 13 * 50_000.0;
        for (Objective objective : List.of(Objective.mean(), Objective.cvar(0.2))) {
            BudgetOptimizer o = optimizer(model, 60, objective, budget,
                    Map.of("social", ChannelBound.absolute(0.05 * budget, 0.6 * budget)));
            AllocationResult r = o.optimize();
            double found = o.objective(new double[] {r.optimal("tv"), r.optimal("search"), r.optimal("social")});
            double best = Double.NEGATIVE_INFINITY;
            int steps = 120;
            for (int i = 0; i <= steps; i++) {
                for (int j = 0; i + j <= steps; j++) {
                    double a = budget * i / steps;
                    double b = budget * j / steps;
                    double c = budget - a - b;
                    if (c < 0.05 * budget || c > 0.6 * budget) {
                        continue;
                    }
                    best = Math.max(best, o.objective(new double[] {a, b, c}));
                }
            }
            assertThat(found).as(objective.label()).isGreaterThanOrEqualTo(best - 1e-3 * Math.abs(best));
            assertThat(found).as(objective.label()).isCloseTo(best, within(1e-3 * Math.abs(best)));
        }
    }

    @Test
    void atAnInteriorOptimumTheMarginalReturnsOfFreeChannelsAreEqual() {
        CompiledModel model = Fixtures.model(Fixtures.spec("tv", "search", "social", "display").build());
        double budget = 13 * 60_000.0;
        BudgetOptimizer o = optimizer(model, 200, Objective.mean(), budget,
                Map.of("display", ChannelBound.absolute(0, 13 * 2_000.0)));
        AllocationResult r = o.optimize();
        assertThat(r.search().converged()).isTrue();
        double[] x = r.allocation().stream().mapToDouble(AllocationResult.ChannelAllocation::optimal).toArray();
        double[] g = new double[4];
        o.objectiveAndGradient(x, g);
        List<Double> free = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            AllocationResult.ChannelAllocation a = r.allocation().get(c);
            if (a.optimal() > a.lower() + 1 && a.optimal() < a.upper() - 1) {
                free.add(g[c]);
                // The reported mean marginal ROAS is the same gradient.
                assertThat(r.mroas().get(c).mroas().mean()).isCloseTo(g[c], within(1e-9 * Math.abs(g[c])));
            }
        }
        assertThat(free).hasSizeGreaterThanOrEqualTo(2);
        double max = free.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double min = free.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertThat((max - min) / max).isLessThan(0.01);
        // The bound that binds holds its channel back: its marginal return is above the others'.
        assertThat(r.optimal("display")).isCloseTo(13 * 2_000.0, within(0.005));
        assertThat(g[3]).isGreaterThan(max);
    }

    @Test
    void boundsAndTheTotalHoldToTheCent() {
        CompiledModel model = Fixtures.model(Fixtures.spec("tv", "search", "social").build());
        double budget = 1_234_567.89;
        BudgetOptimizer o = optimizer(model, 50, Objective.mean(), budget, Map.of(
                "tv", ChannelBound.absolute(100_000.01, 300_000.37),
                "search", ChannelBound.relative(0.5, 1.5),
                "social", ChannelBound.absolute(0, 1e9)));
        AllocationResult r = o.optimize();
        double total = r.allocation().stream().mapToDouble(AllocationResult.ChannelAllocation::optimal).sum();
        assertThat(total).isCloseTo(budget, within(0.005));
        for (AllocationResult.ChannelAllocation a : r.allocation()) {
            assertThat(a.optimal()).as(a.channel()).isBetween(a.lower() - 0.005, a.upper() + 0.005);
        }
        assertThat(r.optimal("tv")).isLessThanOrEqualTo(300_000.37 + 0.005);
    }

    @Test
    void aZeroBudgetSpendsNothing() {
        CompiledModel model = Fixtures.model(Fixtures.spec("tv", "search", "social").build());
        for (DefaultBounds defaults : List.of(DefaultBounds.none(), DefaultBounds.standard())) {
            AllocationResult r = optimizer(model, 20, Objective.mean(), 0.0, Map.of(), defaults).optimize();
            for (AllocationResult.ChannelAllocation a : r.allocation()) {
                assertThat(a.optimal()).as(defaults.label()).isZero();
                assertThat(a.current()).isZero();
                assertThat(a.atBound()).isNull();
            }
            assertThat(r.optimal().incremental().mean()).isZero();
            assertThat(r.uplift().mean()).isZero();
            assertThat(r.optimal().roas()).isNull();
            assertThat(r.warnings()).noneMatch(w -> w.contains("bound"));
        }
    }

    @Test
    void aLockedChannelStaysAtItsCurrentSpend() {
        CompiledModel model = Fixtures.model(Fixtures.spec("tv", "search", "social").build());
        double budget = 13 * 50_000.0;
        AllocationResult r = optimizer(model, 30, Objective.mean(), budget, Map.of("tv", ChannelBound.locked()))
                .optimize();
        AllocationResult.ChannelAllocation tv = r.allocation().get(0);
        assertThat(tv.optimal()).isCloseTo(tv.current(), within(0.005));
        assertThat(tv.current()).isGreaterThan(0.0);
    }

    @Test
    void aChannelWithoutSpendGetsAMessageNotANaN() {
        Dataset data = Fixtures.DEMO.data();
        double[] radio = data.column("radio");
        Arrays.fill(radio, 0.0);
        Dataset noRadio = data.withColumn("radio", radio);
        double[] display = data.column("display");
        // Display is dark in the last 13 weeks (the reference window), not before.
        Arrays.fill(display, display.length - PERIODS, display.length, 0.0);
        Dataset darkDisplay = noRadio.withColumn("display", display);
        CompiledModel model = Fixtures.model(Fixtures.spec("tv", "search", "display", "radio").build(), darkDisplay);
        BudgetProblem p = BudgetProblem.builder(PlanningWindow.future(model, PERIODS),
                        PosteriorDraws.of(Fixtures.draws(model, 30, 2)))
                .budget(13 * 60_000.0).flighting(Flighting.historical())
                .bound("display", ChannelBound.relative(0.5, 2.0)).build();
        AllocationResult r = BudgetOptimizer.optimize(p);
        assertThat(r.warnings()).anyMatch(w -> w.contains("'radio'") && w.contains("no spend in the training data"));
        assertThat(r.warnings()).anyMatch(w -> w.contains("'display'") && w.contains("reference window"));
        assertThat(r.optimal("radio")).isZero();
        assertThat(r.optimal("display")).isZero();
        for (AllocationResult.ChannelMarginal m : r.mroas()) {
            assertThat(m.mroas().mean()).as(m.channel()).isNotNaN();
        }
        assertThat(r.uplift().mean()).isNotNaN();
        assertThat(r.optimal().roas().mean()).isNotNaN();
    }

    @Test
    void theChannelOrderOfTheModelDoesNotChangeTheAnswer() {
        ModelSpec forward = Fixtures.spec("tv", "search", "social").synergy("tv", "search").build();
        ModelSpec reversed = Fixtures.spec("social", "search", "tv").synergy("tv", "search").build();
        CompiledModel a = Fixtures.model(forward);
        CompiledModel b = Fixtures.model(reversed);
        double[][] thetasA = Fixtures.draws(a, 60, 8, 0.15, Map.of("synergy[tv:search]", 0.04));
        double[][] thetasB = new double[thetasA.length][b.parameterCount()];
        for (int d = 0; d < thetasA.length; d++) {
            for (int i = 0; i < b.parameterCount(); i++) {
                thetasB[d][i] = thetasA[d][a.parameterNames().indexOf(b.parameterNames().get(i))];
            }
        }
        double budget = 13 * 45_000.0;
        Map<String, ChannelBound> bounds = Map.of("social", ChannelBound.absolute(0, 13 * 9_000.0));
        for (DefaultBounds defaults : List.of(DefaultBounds.none(), DefaultBounds.standard())) {
            AllocationResult ra = BudgetOptimizer.optimize(BudgetProblem.builder(PlanningWindow.future(a, PERIODS),
                    PosteriorDraws.of(thetasA)).budget(budget).bounds(bounds).defaultBounds(defaults).build());
            AllocationResult rb = BudgetOptimizer.optimize(BudgetProblem.builder(PlanningWindow.future(b, PERIODS),
                    PosteriorDraws.of(thetasB)).budget(budget).bounds(bounds).defaultBounds(defaults).build());
            for (String c : List.of("tv", "search", "social")) {
                assertThat(rb.optimal(c)).as(defaults.label() + " " + c).isCloseTo(ra.optimal(c), within(1e-4 * budget));
            }
            assertThat(rb.uplift().mean()).isCloseTo(ra.uplift().mean(), within(1e-6 * Math.abs(ra.uplift().mean())));
        }
    }

    @Test
    void theLargestBudgetWhoseMarginalRoasMeetsATargetIsFound() {
        CompiledModel model = Fixtures.model(Fixtures.spec("tv", "search").build());
        PlanningWindow window = PlanningWindow.future(model, PERIODS);
        PosteriorDraws draws = PosteriorDraws.of(Fixtures.draws(model, 50, 3));
        double cap = 13 * 500_000.0;
        for (DefaultBounds defaults : List.of(DefaultBounds.none(), DefaultBounds.standard())) {
            BudgetOptimizer probe = new BudgetOptimizer(BudgetProblem.builder(window, draws).budget(13 * 40_000.0)
                    .defaultBounds(defaults).build());
            AllocationResult atProbe = probe.optimize();
            // The return on the next unit: the best marginal ROAS among channels that may still grow.
            double target = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < 2; c++) {
                if (!"upper".equals(atProbe.allocation().get(c).atBound())) {
                    target = Math.max(target, atProbe.mroas().get(c).mroas().mean());
                }
            }
            AllocationResult r = BudgetOptimizer.optimize(BudgetProblem.builder(window, draws)
                    .budget(new BudgetTarget.MarginalRoas(target, cap)).defaultBounds(defaults).build());
            assertThat(r.budget()).as(defaults.label()).isCloseTo(13 * 40_000.0, within(1e-3 * 13 * 40_000.0));
            assertThat(r.budgetRule()).startsWith("marginal_roas>=");
            // The cost per incremental unit at the budget found is the target's (budget / incremental).
            double cpu = atProbe.budget() / atProbe.optimal().incremental().mean();
            AllocationResult byCost = BudgetOptimizer.optimize(BudgetProblem.builder(window, draws)
                    .budget(new BudgetTarget.CostPerUnit(cpu, cap)).defaultBounds(defaults).build());
            assertThat(byCost.budget()).as(defaults.label()).isCloseTo(13 * 40_000.0, within(1e-3 * 13 * 40_000.0));
        }
    }

    @Test
    void infeasibleBoundsAndUnknownChannelsAreRefusedWithAClearMessage() {
        CompiledModel model = Fixtures.model(Fixtures.spec("tv", "search").build());
        assertThatThrownBy(() -> optimizer(model, 5, Objective.mean(), 100.0,
                Map.of("tv", ChannelBound.absolute(200, 300))).optimize())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower bounds add up to 200");
        assertThatThrownBy(() -> optimizer(model, 5, Objective.mean(), 1e6,
                Map.of("tv", ChannelBound.absolute(0, 10), "search", ChannelBound.absolute(0, 10))).optimize())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upper bounds add up to 20");
        assertThatThrownBy(() -> optimizer(model, 5, Objective.mean(), 1e6, Map.of("tvv", ChannelBound.free())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no channel named 'tvv'");
    }
}
