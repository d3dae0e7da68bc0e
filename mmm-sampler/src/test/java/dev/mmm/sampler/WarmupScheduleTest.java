package dev.mmm.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The switching-window schedule and the shrunk dense metric sample Gaussian targets whose
 * moments are known; Stan's schedule stays the default.
 */
class WarmupScheduleTest {

    private static SamplerSettings.Builder switching(int warmup) {
        return SamplerSettings.builder().warmup(warmup).warmupSchedule(WarmupSchedule.SWITCHING_WINDOWS);
    }

    @Test
    void defaultsKeepStansWindows() {
        assertThat(SamplerSettings.defaults().warmupSchedule()).isEqualTo(WarmupSchedule.STAN_WINDOWS);
        assertThat(switching(400).build().toBuilder().build().warmupSchedule())
                .isEqualTo(WarmupSchedule.SWITCHING_WINDOWS);
    }

    @Test
    void standardGaussianWithSwitchingWindowsAndGradientInformedDiagonal() {
        DiagonalGaussianDensity target = DiagonalGaussianDensity.standard(50);
        SamplingResult result = Sampler.sample(target, switching(400).seed(31).metric(Metric.DIAGONAL_GRADIENT).build());
        PosteriorCheck.assertMatches("iid 50-d, switching 400, diagonal-gradient", result, target::mean, target::sd);
    }

    @Test
    void scalesFrom1eMinus3To1e3WithSwitchingWindows() {
        DiagonalGaussianDensity target = DiagonalGaussianDensity.logSpacedScales(20, 1e-3, 1e3);
        SamplingResult result = Sampler.sample(target, switching(400).seed(32).metric(Metric.DIAGONAL_GRADIENT).build());
        PosteriorCheck.assertMatches("scales 1e-3..1e3, switching 400", result, target::mean, target::sd);
        // The metric learnt the scales: sd 1e3 needs M⁻¹ near 1e6, sd 1e-3 near 1e-6.
        double[] inverse = result.inverseMetricDiagonal()[0];
        assertThat(inverse[19] / inverse[0]).isGreaterThan(1e10);
    }

    @Test
    void correlatedGaussianWithShrunkDenseMetric() {
        GaussianDensity target = GaussianDensity.equicorrelated(30, 0.9);
        SamplingResult result = Sampler.sample(target, SamplerSettings.builder().seed(33).metric(Metric.DENSE_SHRUNK)
                .build());
        PosteriorCheck.assertMatches("equicorrelated 30-d rho 0.9, dense-shrunk", result, target::mean, target::sd);
    }

    @Test
    void correlatedGaussianWithShrunkDenseMetricAndSwitchingWindows() {
        GaussianDensity target = GaussianDensity.equicorrelated(30, 0.9);
        SamplingResult result = Sampler.sample(target, switching(500).seed(34).metric(Metric.DENSE_SHRUNK).build());
        PosteriorCheck.assertMatches("equicorrelated 30-d rho 0.9, dense-shrunk, switching 500", result, target::mean,
                target::sd);
    }

    @Test
    void shrunkDenseMetricLearnsTheCorrelation() {
        // rho 0.99 in 10-d: covariance eigenvalues 1 + 9·0.99 and 0.01, so a diagonal metric leaves a
        // condition number near 1000; the dense one removes it (here 6 leapfrogs per draw against 14).
        GaussianDensity target = GaussianDensity.equicorrelated(10, 0.99);
        SamplerSettings base = SamplerSettings.builder().seed(35).chains(2).draws(300).build();
        SamplingResult diagonal = Sampler.sample(target, base);
        SamplingResult dense = Sampler.sample(target, base.toBuilder().metric(Metric.DENSE_SHRUNK).build());
        assertThat(meanLeapfrogs(dense)).isLessThan(meanLeapfrogs(diagonal) / 2);
    }

    private static double meanLeapfrogs(SamplingResult r) {
        double sum = 0;
        int n = 0;
        for (int[] chain : r.leapfrogSteps()) {
            for (int s : chain) {
                sum += s;
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void switchingWindowsAreBitIdenticalWhateverTheThreadCount() {
        SamplerSettings settings = switching(200).seed(36).chains(3).draws(50).metric(Metric.DIAGONAL_GRADIENT).build();
        DiagonalGaussianDensity target = DiagonalGaussianDensity.logSpacedScales(10, 1e-2, 1e2);
        SamplingResult one = Sampler.sample(target, settings.toBuilder().threads(1).build());
        SamplingResult three = Sampler.sample(target, settings.toBuilder().threads(3).build());
        assertThat(three.positions()).isDeepEqualTo(one.positions());
        assertThat(three.stepSize()).containsExactly(one.stepSize());
    }
}
