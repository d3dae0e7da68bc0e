package dev.mmm.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.core.analysis.Interval;
import dev.mmm.core.optimize.ScenarioEvaluator;
import dev.mmm.core.optimize.ScenarioOutcome;
import dev.mmm.core.optimize.SpendPlan;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spend plans over geo x channel through {@link ScenarioEvaluator}: the predictive noise and each unit's part. */
class GeoScenarioTest {

    private static final GeoData PANEL = GeoSimulator.simulate(3, 30, 2, 1, true, 6).data();
    private static final GeoModel MODEL = GeoToyModels.model(PANEL, 2, "geometric", "logistic");
    private static final int PERIODS = 4;

    private static SpendPlan flat(GeoPlanningWindow window, double level) {
        Map<String, double[]> spend = new LinkedHashMap<>();
        for (String unit : window.channels()) {
            double[] row = new double[PERIODS];
            Arrays.fill(row, level);
            spend.put(unit, row);
        }
        return SpendPlan.of(window, spend);
    }

    @Test
    void thePredictedTargetAddsEachGeosNoiseOverThePeriods() {
        // 4000 copies of one draw: the expected target has no spread, the predicted one is Normal with
        // variance sum_g PERIODS (sigma_g s_y pop_g)^2, so its 90% band is 2 * 1.645 of its sd wide.
        double[] values = GeoToyModels.values(MODEL, GeoToyModels.defaults());
        double[][] copies = new double[4000][];
        Arrays.fill(copies, values);
        GeoPlanningWindow window = GeoPlanningWindow.future(MODEL, PERIODS);
        ScenarioOutcome o = new ScenarioEvaluator(window, GeoPlanningWindow.draws(GeoPosteriors.of(MODEL, copies)))
                .evaluate(flat(window, 300.0));
        double variance = 0.0;
        for (int g = 0; g < MODEL.geoCount(); g++) {
            double sigma = values[MODEL.sigmaSlot(g)] * MODEL.targetUnit(g);
            variance += PERIODS * sigma * sigma;
        }
        double width = 2 * 1.6449 * Math.sqrt(variance);
        Interval predicted = o.predictedTarget();
        assertThat(predicted.q95() - predicted.q05()).isCloseTo(width, within(0.06 * width));
        assertThat(predicted.mean()).isCloseTo(o.expectedTarget().mean(), within(0.05 * Math.sqrt(variance)));
        assertThat(o.expectedTarget().q95() - o.expectedTarget().q05()).isZero();
    }

    @Test
    void eachChannelInEachGeoHasItsOwnIncrementAndTheyAddUpWithoutSynergy() {
        GeoPlanningWindow window = GeoPlanningWindow.future(MODEL, PERIODS);
        ScenarioOutcome o = new ScenarioEvaluator(window, GeoPlanningWindow.draws(GeoResponseTest.twoDraws(MODEL)))
                .evaluate(flat(window, 300.0));
        Map<String, Interval> parts = o.channelIncremental();
        assertThat(parts.keySet()).containsExactlyElementsOf(window.channels()).contains("ch2[Geo1]");
        // Carry-over never crosses geos or channels: removing one unit's spend loses exactly its own part.
        double sum = parts.values().stream().mapToDouble(Interval::mean).sum();
        assertThat(sum).isCloseTo(o.incremental().mean(), within(1e-9 * o.incremental().mean()));
        assertThat(parts.get("ch1[Geo0]").mean()).isPositive();
    }
}
