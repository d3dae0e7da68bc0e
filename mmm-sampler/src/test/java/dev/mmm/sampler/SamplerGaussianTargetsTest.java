package dev.mmm.sampler;

import org.junit.jupiter.api.Test;

/** NUTS with Stan's adaptation against Gaussian targets whose moments are known exactly. */
class SamplerGaussianTargetsTest {

    @Test
    void iidStandardGaussianIn100Dimensions() {
        DiagonalGaussianDensity target = DiagonalGaussianDensity.standard(100);
        SamplingResult result = Sampler.sample(target, SamplerSettings.builder().seed(11).build());
        PosteriorCheck.assertMatches("iid 100-d", result, target::mean, target::sd);
    }

    @Test
    void correlatedGaussianIn50DimensionsWithDenseMetric() {
        GaussianDensity target = GaussianDensity.equicorrelated(50, 0.9);
        SamplingResult result = Sampler.sample(target,
                SamplerSettings.builder().seed(12).metric(Metric.DENSE).build());
        PosteriorCheck.assertMatches("equicorrelated 50-d rho 0.9, dense", result, target::mean, target::sd);
    }

    @Test
    void illConditionedDiagonalGaussian() {
        DiagonalGaussianDensity target = DiagonalGaussianDensity.logSpacedScales(20, 1e-3, 1e3);
        SamplingResult result = Sampler.sample(target, SamplerSettings.builder().seed(13).build());
        PosteriorCheck.assertMatches("scales 1e-3..1e3, diagonal", result, target::mean, target::sd);
    }

    @Test
    void illConditionedDiagonalGaussianWithGradientInformedMetric() {
        DiagonalGaussianDensity target = DiagonalGaussianDensity.logSpacedScales(20, 1e-3, 1e3);
        SamplingResult result = Sampler.sample(target,
                SamplerSettings.builder().seed(13).metric(Metric.DIAGONAL_GRADIENT).build());
        PosteriorCheck.assertMatches("scales 1e-3..1e3, diagonal-gradient", result, target::mean, target::sd);
    }
}
