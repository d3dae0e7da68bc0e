package dev.mmm.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mmm.core.optimize.AllocationResult;
import dev.mmm.core.optimize.BudgetOptimizer;
import dev.mmm.core.optimize.BudgetProblem;
import dev.mmm.core.optimize.ChannelBound;
import dev.mmm.core.optimize.Objective;
import dev.mmm.core.optimize.OptimizeJson;
import dev.mmm.core.posterior.Posterior;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The budget optimiser across geo x channel: exact gradient, values, optimum against a grid, bounds. */
class GeoBudgetTest {

    private static final GeoData PANEL = GeoSimulator.simulate(2, 30, 2, 1, true, 11).data();
    private static final GeoModel MODEL = GeoToyModels.model(PANEL, 2, "geometric", "logistic");
    private static final Posterior POSTERIOR = GeoResponseTest.twoDraws(MODEL);
    private static final int PERIODS = 4;

    private static GeoPlanEvaluator evaluator() {
        return GeoPlanningWindow.future(MODEL, PERIODS).response(GeoPlanningWindow.draws(POSTERIOR));
    }

    private static double[][] randomPlan(UniformRandomProvider rng, double level) {
        double[][] spend = new double[4][PERIODS];
        for (double[] row : spend) {
            for (int t = 0; t < PERIODS; t++) {
                row[t] = level * (0.2 + rng.nextDouble());
            }
        }
        return spend;
    }

    @Test
    void theGradientInEveryGeoAndChannelsSpendMatchesFiniteDifferences() {
        GeoPlanEvaluator e = evaluator();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3);
        double[][] spend = randomPlan(rng, 400.0);
        double[][] direction = randomPlan(rng, 1.0);
        int n = e.draws();
        double[] values = new double[n];
        double[][] gradient = new double[n][4];
        e.evaluate(spend, direction, values, gradient);
        double[] up = new double[n];
        double[] down = new double[n];
        for (int u = 0; u < 4; u++) {
            double h = 1e-3;
            double[][] plus = copy(spend);
            double[][] minus = copy(spend);
            for (int t = 0; t < PERIODS; t++) {
                plus[u][t] += h * direction[u][t];
                minus[u][t] -= h * direction[u][t];
            }
            e.evaluate(plus, null, up, null);
            e.evaluate(minus, null, down, null);
            for (int d = 0; d < n; d++) {
                double fd = (up[d] - down[d]) / (2 * h);
                assertThat(gradient[d][u]).as("unit %d draw %d", u, d).isCloseTo(fd, within(1e-6 * Math.abs(fd) + 1e-9));
                assertThat(fd).isPositive();
            }
        }
    }

    @Test
    void theIncrementIsTheReFedModelsMeanLessItsMeanWithoutWindowSpend() {
        // A second path: the geo model's own meanInto over the re-fed rows, summed over the window
        // and its carry-over, plan less no window spend, in target units.
        GeoPlanningWindow window = GeoPlanningWindow.future(MODEL, PERIODS);
        GeoPlanEvaluator e = window.response(GeoPlanningWindow.draws(POSTERIOR));
        double[][] spend = randomPlan(RandomSource.XO_RO_SHI_RO_128_PP.create(4), 300.0);
        double[] values = new double[e.draws()];
        e.evaluate(spend, null, values, null);
        GeoModel withPlan = window.model(spend);
        GeoModel without = window.model(null);
        double[] a = new double[window.rows()];
        double[] b = new double[window.rows()];
        double[] v = new double[MODEL.valueCount()];
        for (int d = 0; d < e.draws(); d++) {
            POSTERIOR.drawInto(d, v);
            double expected = 0.0;
            for (int g = 0; g < 2; g++) {
                withPlan.meanInto(g, v, a);
                without.meanInto(g, v, b);
                for (int r = window.historyRows(); r < window.rows(); r++) {
                    expected += (a[r] - b[r]) * MODEL.targetUnit(g);
                }
            }
            assertThat(values[d]).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
            assertThat(expected).isPositive();
        }
        // Spend in one geo moves nothing in the other: carry-over never crosses geos.
        double[][] onlyGeo0 = copy(spend);
        onlyGeo0[2] = new double[PERIODS];
        onlyGeo0[3] = new double[PERIODS];
        GeoModel partial = window.model(onlyGeo0);
        partial.meanInto(1, v, a);
        without.meanInto(1, v, b);
        assertThat(a).containsExactly(b);
    }

    /** Without default bounds: the grid searches the whole simplex the given bounds leave. */
    private static BudgetOptimizer optimizer(Objective objective, double budget, Map<String, ChannelBound> bounds) {
        GeoPlanningWindow window = GeoPlanningWindow.future(MODEL, PERIODS);
        return new BudgetOptimizer(BudgetProblem.builder(window, GeoPlanningWindow.draws(POSTERIOR))
                .budget(budget).bounds(bounds).defaultBounds(dev.mmm.core.optimize.DefaultBounds.none()).objective(objective).build());
    }

    /** The best objective over a grid of allocations of the budget over the four units. */
    private static double grid(BudgetOptimizer o, double budget, double[] lower, double[] upper) {
        int steps = 40;
        double best = Double.NEGATIVE_INFINITY;
        double[] x = new double[4];
        for (int i = 0; i <= steps; i++) {
            x[0] = lower[0] + (Math.min(upper[0], budget) - lower[0]) * i / steps;
            for (int j = 0; j <= steps; j++) {
                x[1] = lower[1] + (Math.min(upper[1], budget) - lower[1]) * j / steps;
                for (int k = 0; k <= steps; k++) {
                    x[2] = lower[2] + (Math.min(upper[2], budget) - lower[2]) * k / steps;
                    x[3] = budget - x[0] - x[1] - x[2];
                    if (x[3] < lower[3] || x[3] > upper[3]) {
                        continue;
                    }
                    best = Math.max(best, o.objective(x));
                }
            }
        }
        return best;
    }

    @Test
    void onTwoGeosAndTwoChannelsTheOptimumBeatsAGridSearchWithinATenthOfAPercent() {
        double budget = PERIODS * 1200.0;
        double[] lower = new double[4];
        double[] upper = {budget, budget, budget, budget};
        for (Objective objective : List.of(Objective.mean(), Objective.meanMinusSd(1.0), Objective.cvar(0.5))) {
            BudgetOptimizer o = optimizer(objective, budget, Map.of());
            AllocationResult r = o.optimize();
            double[] x = new double[4];
            for (int u = 0; u < 4; u++) {
                AllocationResult.ChannelAllocation a = r.allocation().get(u);
                x[u] = a.optimal();
            }
            double found = o.objective(x);
            double best = grid(o, budget, lower, upper);
            assertThat(found).as(objective.label()).isGreaterThanOrEqualTo(best - 1e-3 * Math.abs(best));
            assertThat(found).as(objective.label()).isCloseTo(best, within(1e-3 * Math.abs(best)));
            assertThat(x[0] + x[1] + x[2] + x[3]).isCloseTo(budget, within(0.01));
            assertThat(r.search().converged()).as(objective.label()).isTrue();
            // Interior optimum: free units' marginal returns agree.
            double m0 = r.mroas().get(0).mroas().mean();
            for (int u = 1; u < 4; u++) {
                if (x[u] > 1.0 && objective instanceof Objective.Mean) {
                    assertThat(r.mroas().get(u).mroas().mean()).isCloseTo(m0, within(0.01 * Math.abs(m0)));
                }
            }
        }
    }

    @Test
    void boundsByChannelAndByGeoHoldToTheCentAndSoDoesTheTotal() {
        GeoPlanningWindow window = GeoPlanningWindow.future(MODEL, PERIODS);
        double budget = PERIODS * 1500.0;
        Map<String, ChannelBound> bounds = Map.of(
                "ch1", ChannelBound.relative(0.5, 1.5),
                "ch2[Geo1]", ChannelBound.absolute(700.0, 900.0));
        BudgetOptimizer o = optimizer(Objective.mean(), budget, bounds);
        AllocationResult r = o.optimize();
        double total = 0.0;
        for (AllocationResult.ChannelAllocation a : r.allocation()) {
            assertThat(a.geo()).isIn("Geo0", "Geo1");
            assertThat(a.optimal()).isBetween(a.lower() - 0.01, a.upper() + 0.01);
            total += a.optimal();
        }
        assertThat(total).isCloseTo(budget, within(0.01));
        for (String geo : List.of("Geo0", "Geo1")) {
            double reference = window.referenceSpend(GeoPlanningWindow.unitName("ch1", geo));
            AllocationResult.ChannelAllocation a = row(r, "ch1", geo);
            assertThat(a.lower()).isCloseTo(0.5 * reference, within(1e-9 * reference));
            assertThat(a.upper()).isCloseTo(1.5 * reference, within(1e-9 * reference));
        }
        assertThat(row(r, "ch2", "Geo1").lower()).isEqualTo(700.0);
        assertThat(row(r, "ch2", "Geo1").upper()).isEqualTo(900.0);
        assertThat(r.optimal("ch2", "Geo1")).isBetween(700.0 - 0.01, 900.0 + 0.01);
        double best = grid(o, budget, o.lowerBounds(budget), o.upperBounds(budget));
        assertThat(o.objective(new double[] {row(r, "ch1", "Geo0").optimal(), row(r, "ch2", "Geo0").optimal(),
                row(r, "ch1", "Geo1").optimal(), row(r, "ch2", "Geo1").optimal()}))
                .isGreaterThanOrEqualTo(best - 1e-3 * Math.abs(best));
    }

    @Test
    void theJsonNamesEachRowsGeoAndABadBoundNameIsRefused() throws Exception {
        AllocationResult r = optimizer(Objective.mean(), PERIODS * 1000.0, Map.of()).optimize();
        JsonNode json = new ObjectMapper().readTree(OptimizeJson.toJson(r));
        assertThat(json.get("allocation")).hasSize(4);
        assertThat(json.get("allocation").get(2).get("geo").asText()).isEqualTo("Geo1");
        assertThat(json.get("allocation").get(2).get("channel").asText()).isEqualTo("ch1");
        assertThat(json.get("mroas").get(3).get("geo").asText()).isEqualTo("Geo1");
        assertThat(json.get("expected").get("optimal").get("target").get("mean").asDouble()).isPositive();
        assertThatThrownBy(() -> optimizer(Objective.mean(), 1000.0, Map.of("ch3", ChannelBound.free())))
                .hasMessageContaining("no channel named 'ch3'").hasMessageContaining("ch1[Geo0]");
    }

    private static AllocationResult.ChannelAllocation row(AllocationResult r, String channel, String geo) {
        return r.allocation().stream().filter(a -> a.channel().equals(channel) && a.geo().equals(geo)).findFirst()
                .orElseThrow();
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
