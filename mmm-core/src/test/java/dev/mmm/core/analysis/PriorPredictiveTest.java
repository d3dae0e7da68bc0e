package dev.mmm.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.simulate.DemoData;
import dev.mmm.core.simulate.Simulation;
import org.junit.jupiter.api.Test;

/** The prior predictive of a model whose answer is known in closed form. */
class PriorPredictiveTest {

    @Test
    void anInterceptOnlyModelsPriorPredictiveHasTheStatedMeanAndVariance() {
        // y/scale = intercept + sigma * z, intercept ~ Normal(0, 2), sigma ~ HalfNormal(2):
        // mean 0, variance 4 + E[sigma^2] = 4 + 4 = 8.
        Simulation sim = DemoData.generate(1);
        ModelSpec spec = ModelSpec.builder().date(DemoData.DATE).target(DemoData.TARGET).build();
        CompiledModel model = spec.compile(sim.data());
        PosteriorAnalysis analysis = new PosteriorAnalysis(model,
                PosteriorAnalysisTest.pointPosterior(model, new double[] {0.5, 0.1}));
        int draws = 20000;
        Prediction p = analysis.priorPredictive(draws, 7, true);
        double scale = model.scaling().targetScale();
        double sum = 0;
        double sumSq = 0;
        int t = 10;
        for (int d = 0; d < draws; d++) {
            double v = p.draws()[d][t] / scale;
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / draws;
        double variance = sumSq / draws - mean * mean;
        assertThat(mean).isCloseTo(0.0, within(4 * Math.sqrt(8.0 / draws)));
        assertThat(variance).isCloseTo(8.0, within(0.05 * 8.0));
        assertThat(p.dates()).hasSize(model.rows());
        assertThat(p.observed()[0]).isEqualTo(sim.data().column(DemoData.TARGET)[0]);
    }
}
