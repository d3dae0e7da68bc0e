package dev.mmm.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Pins the default sampler's output bit for bit: the values below were printed by commit f07edff
 * (before the opt-in shared warm-up), so any change to the default warm-up or sampling, however
 * small, fails here. A deliberate change of the default re-records them and says so.
 */
class DefaultOutputPinTest {

    @Test
    void defaultSettingsGiveTheRecordedStepSizesMetricsAndDraws() {
        DiagonalGaussianDensity target = DiagonalGaussianDensity.logSpacedScales(4, 0.1, 10);
        SamplingResult result = Sampler.sample(target, SamplerSettings.builder().seed(31).draws(3).build());

        assertThat(result.stepSize()).containsExactly(0.7998720117491901, 0.6919069637798647, 0.6331049378248325,
                0.7539211607972474);
        assertThat(result.inverseMetricDiagonal()[0]).containsExactly(0.011246975625938729, 0.1789624897865978,
                4.61471696240075, 87.92929045947277);
        assertThat(result.inverseMetricDiagonal()[3]).containsExactly(0.010371532602322542, 0.20572190167388724,
                4.276590820589703, 96.4835677764245);
        assertThat(result.positions()[0][0]).containsExactly(-0.14773203493440634, -0.1447741567917905,
                -2.042242721407526, 6.007577781285158);
        assertThat(result.positions()[1][2]).containsExactly(-0.18447898909703575, 0.5757524198940106,
                0.3756731067865849, -6.877234989546963);
        assertThat(result.positions()[3][2]).containsExactly(-0.15186087098244516, -0.00339936283829545,
                -0.9069624472165349, 11.977969957870975);
        assertThat(result.gradientEvaluations()).isEqualTo(17655);
    }
}
