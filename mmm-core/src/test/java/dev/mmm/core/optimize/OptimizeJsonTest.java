package dev.mmm.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mmm.core.model.CompiledModel;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CLI contract's fields, per period of the window. */
class OptimizeJsonTest {

    @Test
    void theAllocationJsonHoldsTheContractsFieldsPerPeriod() throws Exception {
        CompiledModel model = Fixtures.model(Fixtures.spec("tv", "search", "social").build());
        int periods = 13;
        double budget = periods * 50_000.0;
        AllocationResult r = BudgetOptimizer.optimize(BudgetProblem.builder(PlanningWindow.future(model, periods),
                        PosteriorDraws.of(Fixtures.draws(model, 100, 4)))
                .budget(budget).bound("tv", ChannelBound.absolute(0, periods * 20_000.0))
                .defaultBounds(DefaultBounds.none()).build());
        String json = OptimizeJson.toJson(r);
        if (Boolean.getBoolean("optimize.print")) {
            System.out.println(json);
        }
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.get("periods").asInt()).isEqualTo(periods);
        assertThat(root.get("budget").asDouble()).isCloseTo(50_000.0, within(1e-9));
        JsonNode allocation = root.get("allocation");
        assertThat(allocation).hasSize(3);
        double optimalSum = 0.0;
        double currentSum = 0.0;
        for (int c = 0; c < 3; c++) {
            JsonNode a = allocation.get(c);
            assertThat(a.get("channel").asText()).isEqualTo(r.allocation().get(c).channel());
            assertThat(a.get("optimal").asDouble()).isCloseTo(r.allocation().get(c).optimal() / periods, within(1e-9));
            optimalSum += a.get("optimal").asDouble();
            currentSum += a.get("current").asDouble();
        }
        assertThat(optimalSum).isCloseTo(50_000.0, within(1e-6));
        assertThat(currentSum).isCloseTo(50_000.0, within(1e-6));
        assertThat(allocation.get(0).get("upper").asDouble()).isCloseTo(20_000.0, within(1e-9));
        assertThat(allocation.get(1).get("upper").isNull()).isTrue();
        assertThat(allocation.get(0).get("bound").asText()).isEqualTo("given");
        assertThat(allocation.get(1).get("bound").asText()).isEqualTo("none");
        for (int c = 0; c < 3; c++) {
            AllocationResult.ChannelAllocation a = r.allocation().get(c);
            JsonNode atBound = allocation.get(c).get("at_bound");
            assertThat(atBound.isNull()).as(a.channel()).isEqualTo(a.atBound() == null);
            if (a.atBound() != null) {
                assertThat(atBound.asText()).isEqualTo(a.atBound());
            }
        }
        for (String plan : new String[] {"current", "optimal"}) {
            JsonNode p = root.get("expected").get(plan);
            for (String k : new String[] {"incremental", "roas", "target"}) {
                for (String q : new String[] {"mean", "q05", "q50", "q95"}) {
                    assertThat(p.get(k).get(q).isNumber()).as(plan + "." + k + "." + q).isTrue();
                }
            }
        }
        assertThat(root.get("expected").get("optimal").get("incremental").get("mean").asDouble())
                .isCloseTo(r.optimal().incremental().mean() / periods, within(1e-6));
        JsonNode uplift = root.get("uplift");
        assertThat(uplift.get("mean").asDouble()).isCloseTo(r.uplift().mean() / periods, within(1e-6));
        assertThat(uplift.get("q05").asDouble()).isLessThanOrEqualTo(uplift.get("q95").asDouble());
        assertThat(root.get("mroas")).hasSize(3);
        assertThat(root.get("mroas").get(2).get("channel").asText()).isEqualTo("social");
        assertThat(root.get("objective").asText()).isEqualTo("mean");
        assertThat(root.get("search").get("converged").asBoolean()).isTrue();
    }

    @Test
    void aZeroBudgetWritesNullRatiosNotNaN() throws Exception {
        CompiledModel model = Fixtures.model(Fixtures.spec("tv", "search").build());
        AllocationResult r = BudgetOptimizer.optimize(BudgetProblem.builder(PlanningWindow.future(model, 4),
                PosteriorDraws.of(Fixtures.draws(model, 10, 4))).budget(0.0).bounds(Map.of()).build());
        String json = OptimizeJson.toJson(r);
        assertThat(json).doesNotContain("NaN").doesNotContain("Infinity");
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.get("expected").get("optimal").get("roas").isNull()).isTrue();
    }

    @Test
    void theScenarioJsonHoldsBothPlansAndTheirPairedDifference() throws Exception {
        CompiledModel model = Fixtures.model(Fixtures.spec("tv", "search").build());
        int periods = 4;
        PlanningWindow window = PlanningWindow.future(model, periods);
        ScenarioEvaluator scenarios = new ScenarioEvaluator(window, PosteriorDraws.of(Fixtures.draws(model, 40, 4)));
        ScenarioOutcome a = scenarios.evaluate(SpendPlan.of(window, Map.of("tv", new double[] {10, 20, 30, 40},
                "search", new double[] {5, 5, 5, 5})));
        ScenarioOutcome b = scenarios.evaluate(SpendPlan.of(window, Map.of("tv", new double[] {0, 0, 0, 0},
                "search", new double[] {5, 5, 5, 5})));
        ScenarioComparison diff = scenarios.compare(a, b);
        JsonNode root = new ObjectMapper().readTree(OptimizeJson.toJson(a, b, diff, periods));
        assertThat(root.get("periods").asInt()).isEqualTo(periods);
        JsonNode tv = root.get("plan").get("spend").get(0);
        assertThat(tv.get("channel").asText()).isEqualTo("tv");
        assertThat(tv.get("total").asDouble()).isEqualTo(25.0);
        assertThat(tv.get("per_period")).hasSize(periods);
        for (String k : new String[] {"expected_target", "predicted_target", "incremental"}) {
            assertThat(root.get("plan").get(k).get("q50").isNumber()).as(k).isTrue();
            assertThat(root.get("baseline").get(k).get("q50").isNumber()).as(k).isTrue();
        }
        assertThat(root.get("plan").get("channels").get("tv").get("mean").asDouble())
                .isCloseTo(a.channelIncremental().get("tv").mean() / periods, within(1e-9));
        JsonNode d = root.get("difference");
        assertThat(d.get("incremental").get("mean").asDouble()).isCloseTo(diff.incremental().mean() / periods,
                within(1e-9));
        assertThat(d.get("probability_higher").asDouble()).isEqualTo(1.0);
        assertThat(d.get("channels").get("search").get("mean").isNumber()).isTrue();
    }
}
