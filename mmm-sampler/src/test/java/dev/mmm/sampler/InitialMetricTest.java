package dev.mmm.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The metric warm-up starts from: Stan's unit metric against the gradient-based start. */
class InitialMetricTest {

    /** Like the MMM's posterior: a few coordinates with sd 0.005 among others of sd about 1. */
    private static DiagonalGaussianDensity badlyScaled() {
        int n = 26;
        double[] mean = new double[n];
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) {
            mean[i] = 0.3 * Math.sin(i);
            scale[i] = i < 4 ? 0.005 : 0.5 + 0.05 * i;
        }
        return new DiagonalGaussianDensity(mean, scale);
    }

    /** Gradient evaluations up to the end of Stan's first slow window (warm-up iteration 100). */
    private static long gradientsInFirstHundredIterations(InitialMetric initial, long seed) {
        CountingLogDensity density = new CountingLogDensity(badlyScaled());
        long[] atHundred = new long[1];
        Sampler.sample(density, SamplerSettings.builder().chains(1).threads(1).seed(seed).warmup(1000).draws(0)
                .initialMetric(initial).build(), (double[][]) null, (chain, iteration, phase, divergences) -> {
                    if (phase == Phase.WARMUP && iteration == 100) {
                        atHundred[0] = density.evaluations();
                    }
                }, null);
        return atHundred[0];
    }

    @Test
    void gradientStartCutsTheGradientsOfTheFirstHundredWarmupIterations() {
        for (long seed = 1; seed <= 3; seed++) {
            long unit = gradientsInFirstHundredIterations(InitialMetric.UNIT, seed);
            long refreshed = gradientsInFirstHundredIterations(InitialMetric.GRADIENT_REFRESHED, seed);
            // The unit metric must resolve sd 0.005 with steps of about that size: trees of depth 8-10.
            assertThat(unit).as("seed %d, unit metric", seed).isGreaterThan(100 * 200L);
            assertThat(refreshed).as("seed %d, gradient start then refreshed (unit: %d)", seed, unit)
                    .isLessThan(unit / 3);
        }
    }

    @Test
    void badlyScaledGaussianIsSampledExactlyFromTheGradientStart() {
        DiagonalGaussianDensity target = badlyScaled();
        SamplingResult result = Sampler.sample(target,
                SamplerSettings.builder().seed(21).initialMetric(InitialMetric.GRADIENT_REFRESHED).build());
        PosteriorCheck.assertMatches("sd 0.005 and ~1, gradient-refreshed start", result, target::mean, target::sd);
    }

    @Test
    void scalesFrom1eMinus3To1e3AreSampledExactlyFromTheGradientStart() {
        DiagonalGaussianDensity target = DiagonalGaussianDensity.logSpacedScales(20, 1e-3, 1e3);
        SamplingResult result = Sampler.sample(target,
                SamplerSettings.builder().seed(13).initialMetric(InitialMetric.GRADIENT_REFRESHED).build());
        PosteriorCheck.assertMatches("scales 1e-3..1e3, gradient-refreshed start", result, target::mean, target::sd);
    }

    @Test
    void theDefaultIsTheGradientRefreshedStart() {
        assertThat(SamplerSettings.defaults().initialMetric()).isEqualTo(InitialMetric.GRADIENT_REFRESHED);
        assertThat(SamplerSettings.defaults().metric()).isEqualTo(Metric.DIAGONAL);
    }

    @Test
    void stansUnitStartStaysReachable() {
        DiagonalGaussianDensity target = badlyScaled();
        SamplerSettings stan = SamplerSettings.builder().seed(21).initialMetric(InitialMetric.UNIT).build();
        assertThat(stan.toBuilder().build().initialMetric()).isEqualTo(InitialMetric.UNIT);
        assertThat(SamplerSettings.builder().initialMetric(InitialMetric.GRADIENT).build().toBuilder().build()
                .initialMetric()).isEqualTo(InitialMetric.GRADIENT);
        SamplingResult result = Sampler.sample(target, stan);
        PosteriorCheck.assertMatches("sd 0.005 and ~1, unit start", result, target::mean, target::sd);
    }

    @Test
    void gradientStartIsBitIdenticalWhateverTheThreadCount() {
        SamplerSettings settings = SamplerSettings.builder().seed(5).chains(3).warmup(150).draws(50)
                .initialMetric(InitialMetric.GRADIENT_REFRESHED).build();
        SamplingResult one = Sampler.sample(badlyScaled(), settings.toBuilder().threads(1).build());
        SamplingResult three = Sampler.sample(badlyScaled(), settings.toBuilder().threads(3).build());
        assertThat(three.positions()).isDeepEqualTo(one.positions());
        assertThat(three.stepSize()).containsExactly(one.stepSize());
        assertThat(three.gradientEvaluations()).isEqualTo(one.gradientEvaluations());
    }
}
