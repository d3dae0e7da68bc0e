package dev.mmm.sampler;

import org.junit.jupiter.api.Test;

/** A conjugate Bayesian linear regression, whose posterior is known in closed form. */
class SamplerRegressionTest {

    @Test
    void conjugateLinearRegressionMatchesClosedFormPosterior() {
        ConjugateLinearRegression target = new ConjugateLinearRegression(100, 5, 1.5, 10, 42);
        SamplingResult result = Sampler.sample(target, SamplerSettings.builder().seed(21).build());
        PosteriorCheck.assertMatches("conjugate regression, diagonal", result, target::posteriorMean,
                target::posteriorSd);
    }

    @Test
    void conjugateLinearRegressionWithDenseMetric() {
        ConjugateLinearRegression target = new ConjugateLinearRegression(100, 5, 1.5, 10, 42);
        SamplingResult result = Sampler.sample(target,
                SamplerSettings.builder().seed(22).metric(Metric.DENSE).build());
        PosteriorCheck.assertMatches("conjugate regression, dense", result, target::posteriorMean,
                target::posteriorSd);
    }
}
