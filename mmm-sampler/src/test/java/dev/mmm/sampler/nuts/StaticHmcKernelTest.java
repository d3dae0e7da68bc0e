package dev.mmm.sampler.nuts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.sampler.DiagonalGaussianDensity;
import dev.mmm.sampler.LogDensity;
import dev.mmm.sampler.metric.DiagonalMetric;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class StaticHmcKernelTest {

    @Test
    void staticHmcSamplesAGaussianWithTheRightVariance() {
        LogDensity target = new DiagonalGaussianDensity(new double[] {1, -2}, new double[] {2, 0.5});
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(8L);
        LeapfrogIntegrator integrator = new LeapfrogIntegrator(target, new DiagonalMetric(new double[] {4, 0.25}));
        StaticHmcKernel hmc = new StaticHmcKernel(integrator, rng, ZigguratSampler.NormalizedGaussian.of(rng), 7);
        PhasePoint state = new PhasePoint(2);
        state.logDensity = target.logDensityAndGradient(state.position, state.gradient);
        TransitionInfo info = new TransitionInfo();
        int n = 20000;
        double[] sum = new double[2];
        double[] sumSquares = new double[2];
        double acceptance = 0;
        for (int t = 0; t < n; t++) {
            // Jitter the step to avoid periodic trajectories of a Gaussian.
            hmc.transition(state, 0.2 + 0.1 * rng.nextDouble(), info);
            acceptance += info.acceptance;
            for (int i = 0; i < 2; i++) {
                sum[i] += state.position[i];
                sumSquares[i] += state.position[i] * state.position[i];
            }
            assertThat(info.leapfrogSteps).isEqualTo(7);
        }
        double[] mean = {sum[0] / n, sum[1] / n};
        double[] variance = {sumSquares[0] / n - mean[0] * mean[0], sumSquares[1] / n - mean[1] * mean[1]};
        assertThat(mean[0]).isCloseTo(1, within(8 * 2 / Math.sqrt(n)));
        assertThat(mean[1]).isCloseTo(-2, within(8 * 0.5 / Math.sqrt(n)));
        assertThat(variance[0]).isCloseTo(4, within(0.25));
        assertThat(variance[1]).isCloseTo(0.25, within(0.25 / 16));
        assertThat(acceptance / n).isBetween(0.9, 1.0);
    }
}
