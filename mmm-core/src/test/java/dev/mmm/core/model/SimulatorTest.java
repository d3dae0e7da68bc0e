package dev.mmm.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.core.simulate.DemoData;
import dev.mmm.core.simulate.Simulation;
import dev.mmm.core.simulate.Simulator;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The simulator's data and its truth in the fitted model's space. */
class SimulatorTest {

    @Test
    void truthIsExpressedInTheFittedScaledSpace() {
        Simulation sim = DemoData.generate(11);
        CompiledModel fitted = sim.spec().compile(sim.data());
        double ymax = 0;
        for (double v : sim.data().column(DemoData.TARGET)) {
            ymax = Math.max(ymax, v);
        }
        assertThat(fitted.scaling().targetScale()).isEqualTo(ymax);
        double ratio = DemoData.SALES_SCALE / ymax;
        assertThat(sim.truth("alpha[tv]")).isEqualTo(0.6);
        assertThat(sim.truth("lam[search]")).isEqualTo(3.0);
        assertThat(sim.truth("beta[tv]")).isCloseTo(0.15 * ratio, Offset.offset(1e-12));
        assertThat(sim.truth("intercept")).isCloseTo(0.6 * ratio, Offset.offset(1e-12));
        assertThat(sim.truth("sigma")).isCloseTo(0.03 * ratio, Offset.offset(1e-12));
        assertThat(sim.truth().keySet()).containsExactlyElementsOf(fitted.parameterNames());

        // the fitted model's mean at the fitted-space truth, back in sales, is the simulator's expectation
        double[] theta = fitted.parameterNames().stream().mapToDouble(sim::truth).toArray();
        double[] mu = fitted.mean(theta);
        for (int t = 0; t < mu.length; t++) {
            assertThat(mu[t] * ymax).isCloseTo(sim.expectedTarget()[t], Offset.offset(1e-9 * DemoData.SALES_SCALE));
        }
        // and its channel contributions are the true ones
        LinkedHashMap<String, double[]> parts = fitted.contributions(theta);
        for (String c : DemoData.CHANNELS) {
            for (int t = 0; t < mu.length; t++) {
                assertThat(parts.get(c)[t] * ymax).isCloseTo(sim.channelContributions().get(c)[t],
                        Offset.offset(1e-9 * DemoData.SALES_SCALE));
            }
        }
    }

    @Test
    void demoDataLooksLikeAMarketingData() {
        Simulation sim = DemoData.generate(42);
        assertThat(sim.data().rows()).isEqualTo(156);
        assertThat(sim.data().columnNames()).contains("tv", "search", "social", "display", "radio", "promo", "sales");
        double[] tv = sim.data().column("tv");
        int dark = 0;
        for (double v : tv) {
            dark += v == 0 ? 1 : 0;
        }
        assertThat(dark).as("TV is flighted: dark weeks between bursts").isBetween(30, 120);
        double[] search = sim.data().column("search");
        for (double v : search) {
            assertThat(v).isPositive();
        }
        double[] social = sim.data().column("social");
        double early = 0;
        double late = 0;
        for (int t = 0; t < 26; t++) {
            early += social[t];
            late += social[155 - t];
        }
        assertThat(late).as("social spend grows").isGreaterThan(2 * early);
        double media = 0;
        double sales = 0;
        for (double[] c : sim.channelContributions().values()) {
            for (double v : c) {
                media += v;
            }
        }
        for (double v : sim.data().column("sales")) {
            sales += v;
        }
        assertThat(media / sales).as("media share of sales").isBetween(0.2, 0.4);
        for (String c : DemoData.CHANNELS) {
            assertThat(sim.truth("alpha[" + c + "]")).isBetween(0.2, 0.7);
            assertThat(sim.truth("lam[" + c + "]")).isBetween(1.0, 5.0);
        }
        // same seed, same data
        assertThat(DemoData.generate(42).data().column("sales")).containsExactly(sim.data().column("sales"));
    }

    @Test
    void missingTruthIsNamed() {
        ModelSpec spec = ModelSpec.builder().date("d").target("y").channels("a").build();
        LocalDate[] dates = {LocalDate.of(2020, 1, 6), LocalDate.of(2020, 1, 13)};
        Map<String, double[]> inputs = Map.of("a", new double[] {1, 2});
        Map<String, Double> truth = Map.of("intercept", 1.0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Simulator.simulate(spec, dates, inputs, truth, 1.0, 1))
                .hasMessageContaining("missing parameter 'alpha[a]'");
    }
}
