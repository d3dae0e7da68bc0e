package dev.mmm.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.core.data.Dataset;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.diagnostics.ParameterSummary;
import org.junit.jupiter.api.Test;

/**
 * The default model on PyMC-Marketing's example data (179 weeks, x1, x2, controls event_1, event_2,
 * t, yearly seasonality 2), 4 chains x (1000 + 1000): the adstock decay used to generate the data
 * (alpha = 0.4, 0.2) lies in the 90% posterior intervals.
 */
class PymcExampleFitTest {

    @Test
    void recoversTheAdstockOfTheGeneratingProcess() throws Exception {
        Dataset data = ExampleData.pymcExample();
        SamplerSettings settings = SamplerSettings.builder().chains(4).warmup(1000).draws(1000).seed(20240601L).build();
        MmmFit fit = Mmm.fit(ExampleData.pymcExampleSpec(), data, settings, null, null);

        assertThat(fit.parameterNames()).containsExactly("intercept", "alpha[x1]", "alpha[x2]", "lam[x1]", "lam[x2]",
                "beta[x1]", "beta[x2]", "gamma[event_1]", "gamma[event_2]", "gamma[t]", "fourier[sin_1]",
                "fourier[cos_1]", "fourier[sin_2]", "fourier[cos_2]", "sigma");
        ParameterSummary a1 = fit.summary("alpha[x1]");
        ParameterSummary a2 = fit.summary("alpha[x2]");
        System.out.printf("pymc example: %.2f s wall, %d gradients, %d divergences%n",
                fit.samplingResult().wallSeconds(), fit.samplingResult().gradientEvaluations(),
                fit.samplingResult().divergences());
        for (ParameterSummary s : fit.summary()) {
            System.out.printf("  %-16s mean %9.4f  90%% [%9.4f, %9.4f]  rhat %.3f  ess_bulk %6.0f%n",
                    s.name(), s.mean(), s.q05(), s.q95(), s.rhat(), s.essBulk());
        }
        assertThat(a1.q05()).isLessThan(0.4);
        assertThat(a1.q95()).isGreaterThan(0.4);
        assertThat(a2.q05()).isLessThan(0.2);
        assertThat(a2.q95()).isGreaterThan(0.2);
        for (ParameterSummary s : fit.summary()) {
            assertThat(s.rhat()).as("R-hat of " + s.name()).isLessThan(1.05);
        }
        // sigma as the anchor computes it from the generating noise (0.25 * 1000 / 8312.41 ~ 0.0301)
        assertThat(fit.summary("sigma").q05()).isLessThan(0.0301 * 1.15);
        assertThat(fit.summary("sigma").q95()).isGreaterThan(0.0301 * 0.85);

        double[][][] contributions = fit.channelContributions();
        assertThat(contributions).hasNumberOfRows(4000);
        assertThat(contributions[0]).hasNumberOfRows(data.rows());
        assertThat(contributions[0][0]).hasSize(2);
        // media share of y: the anchor says x1 29.1 %, x2 7.0 %
        double[] y = data.column("y");
        double total = 0;
        for (double v : y) {
            total += v;
        }
        double[] share = new double[2];
        for (double[][] draw : contributions) {
            for (double[] week : draw) {
                share[0] += week[0] / total / contributions.length;
                share[1] += week[1] / total / contributions.length;
            }
        }
        System.out.printf("  media share x1 %.3f, x2 %.3f%n", share[0], share[1]);
        assertThat(share[0]).isBetween(0.2, 0.4);
        assertThat(share[1]).isBetween(0.03, 0.12);
    }
}
