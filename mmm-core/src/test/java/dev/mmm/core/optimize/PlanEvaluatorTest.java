package dev.mmm.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.core.model.ChannelSpec;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.LikelihoodSpec;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.model.TransformOrder;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The incremental target agrees with the full model, and its gradient with finite differences. */
class PlanEvaluatorTest {

    private static ModelSpec synergySpec(boolean logLink) {
        ModelSpec.Builder b = Fixtures.spec("tv", "search")
                .channel(ChannelSpec.of("social").withSaturation("hill").withOrder(TransformOrder.SATURATION_FIRST))
                .channel(ChannelSpec.of("radio").withAdstock("weibull_cdf", 5).withSaturation("michaelis_menten"))
                .synergy("tv", "search").synergy("search", "radio");
        if (logLink) {
            b.likelihood(LikelihoodSpec.logNormal());
        }
        return b.build();
    }

    private static Map<String, Double> synergyValues() {
        return Map.of("synergy[tv:search]", 0.05, "synergy[search:radio]", -0.03);
    }

    private static double[][] randomSpend(int channels, int periods, long seed, double level) {
        Random rng = new Random(seed);
        double[][] s = new double[channels][periods];
        for (int c = 0; c < channels; c++) {
            for (int t = 0; t < periods; t++) {
                s[c][t] = level * (0.2 + rng.nextDouble());
            }
        }
        return s;
    }

    @Test
    void theIncrementalTargetIsWhatTheFullModelAddsOverTheWindowAndItsCarryOver() {
        for (boolean logLink : new boolean[] {false, true}) {
            CompiledModel model = Fixtures.model(synergySpec(logLink));
            PlanningWindow window = PlanningWindow.future(model, 6);
            double[][] thetas = Fixtures.draws(model, 5, 1, 0.2, synergyValues());
            PlanEvaluator evaluator = new PlanEvaluator(window, PosteriorDraws.of(thetas));
            double[][] spend = randomSpend(4, 6, 2, 20_000);
            double[] values = new double[5];
            evaluator.evaluate(spend, null, values, null);
            CompiledModel withPlan = window.model(spend);
            CompiledModel without = window.model(null);
            double scale = model.scaling().targetScale();
            int sigma = model.parameterNames().indexOf("sigma");
            for (int d = 0; d < 5; d++) {
                double[] a = new double[window.rows()];
                double[] b = new double[window.rows()];
                withPlan.meanInto(thetas[d], a);
                without.meanInto(thetas[d], b);
                double expected = 0.0;
                for (int r = window.historyRows(); r < window.rows(); r++) {
                    expected += logLink
                            ? scale * Math.exp(0.5 * thetas[d][sigma] * thetas[d][sigma]) * (Math.exp(a[r]) - Math.exp(b[r]))
                            : scale * (a[r] - b[r]);
                }
                assertThat(values[d]).as("log link %s draw %d", logLink, d)
                        .isCloseTo(expected, within(1e-9 * Math.abs(expected) + 1e-9));
                assertThat(values[d]).isNotZero();
            }
        }
    }

    @Test
    void noSpendInTheWindowAddsExactlyNothing() {
        CompiledModel model = Fixtures.model(synergySpec(false));
        PlanningWindow window = PlanningWindow.future(model, 4);
        PlanEvaluator evaluator = new PlanEvaluator(window, PosteriorDraws.of(Fixtures.draws(model, 3, 4, 0.2,
                synergyValues())));
        double[] values = new double[3];
        evaluator.evaluate(new double[4][4], null, values, null);
        assertThat(values).containsOnly(0.0);
    }

    @Test
    void theGradientInEachPeriodsSpendMatchesFiniteDifferences() {
        for (boolean logLink : new boolean[] {false, true}) {
            CompiledModel model = Fixtures.model(synergySpec(logLink));
            PlanningWindow window = PlanningWindow.future(model, 5);
            double[][] thetas = Fixtures.draws(model, 3, 7, 0.2, synergyValues());
            PlanEvaluator evaluator = new PlanEvaluator(window, PosteriorDraws.of(thetas));
            int channels = 4;
            double[][] spend = randomSpend(channels, 5, 8, 15_000);
            double[] values = new double[3];
            double[][] gradient = new double[3][channels];
            for (int c = 0; c < channels; c++) {
                for (int t = 0; t < 5; t++) {
                    double[][] direction = new double[channels][5];
                    direction[c][t] = 1.0;
                    evaluator.evaluate(spend, direction, values, gradient);
                    double h = 1e-3 * spend[c][t];
                    double[] up = new double[3];
                    double[] down = new double[3];
                    double keep = spend[c][t];
                    spend[c][t] = keep + h;
                    evaluator.evaluate(spend, null, up, null);
                    spend[c][t] = keep - h;
                    evaluator.evaluate(spend, null, down, null);
                    spend[c][t] = keep;
                    for (int d = 0; d < 3; d++) {
                        double numeric = (up[d] - down[d]) / (2 * h);
                        assertThat(gradient[d][c]).as("log %s channel %d period %d draw %d", logLink, c, t, d)
                                .isCloseTo(numeric, within(1e-5 * Math.abs(numeric) + 1e-10));
                    }
                }
            }
        }
    }

    @Test
    void aDirectionContractsThePerPeriodGradient() {
        CompiledModel model = Fixtures.model(synergySpec(false));
        PlanningWindow window = PlanningWindow.future(model, 3);
        PlanEvaluator evaluator = new PlanEvaluator(window, PosteriorDraws.of(Fixtures.draws(model, 2, 9, 0.2,
                synergyValues())));
        double[][] spend = randomSpend(4, 3, 10, 10_000);
        double[][] direction = randomSpend(4, 3, 11, 1.0);
        double[] values = new double[2];
        double[][] contracted = new double[2][4];
        evaluator.evaluate(spend, direction, values, contracted);
        double[][] single = new double[2][4];
        for (int c = 0; c < 4; c++) {
            double sum = 0.0;
            for (int t = 0; t < 3; t++) {
                double[][] unit = new double[4][3];
                unit[c][t] = 1.0;
                evaluator.evaluate(spend, unit, values, single);
                sum += single[0][c] * direction[c][t];
            }
            assertThat(contracted[0][c]).isCloseTo(sum, within(1e-12 * Math.abs(sum)));
        }
    }
}
