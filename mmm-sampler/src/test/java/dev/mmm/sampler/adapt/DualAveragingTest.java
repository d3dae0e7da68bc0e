package dev.mmm.sampler.adapt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.sampler.DiagonalGaussianDensity;
import dev.mmm.sampler.LogDensity;
import dev.mmm.sampler.metric.DiagonalMetric;
import dev.mmm.sampler.nuts.LeapfrogIntegrator;
import dev.mmm.sampler.nuts.NutsKernel;
import dev.mmm.sampler.nuts.PhasePoint;
import dev.mmm.sampler.nuts.TransitionInfo;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class DualAveragingTest {

    @Test
    void firstUpdateFollowsStansFormula() {
        DualAveraging da = new DualAveraging(0.8);
        da.setMu(Math.log(10 * 0.5));
        double eps = da.learn(0.3);
        // η = 1/11, s̄ = 0.5/11, x = μ − s̄·1/0.05, x̄ = x (weight 1^−κ = 1).
        double x = Math.log(5) - (0.5 / 11) / 0.05;
        assertThat(eps).isCloseTo(Math.exp(x), within(1e-12));
        assertThat(da.finalStepSize()).isCloseTo(Math.exp(x), within(1e-12));
        da.restart();
        assertThat(da.finalStepSize()).isEqualTo(1.0);
        assertThat(da.iterations()).isZero();
    }

    @Test
    void acceptanceAboveOneIsClipped() {
        DualAveraging a = new DualAveraging(0.8);
        DualAveraging b = new DualAveraging(0.8);
        assertThat(a.learn(1.7)).isEqualTo(b.learn(1.0));
    }

    @Test
    void convergesToTheTargetAcceptanceOnAGaussian() {
        for (double target : new double[] {0.65, 0.8, 0.95}) {
            LogDensity gaussian = DiagonalGaussianDensity.logSpacedScales(10, 0.5, 2);
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(17L);
            LeapfrogIntegrator integrator = new LeapfrogIntegrator(gaussian, new DiagonalMetric(10));
            NutsKernel nuts = new NutsKernel(integrator, rng, ZigguratSampler.NormalizedGaussian.of(rng), 10);
            PhasePoint state = new PhasePoint(10);
            state.logDensity = gaussian.logDensityAndGradient(state.position, state.gradient);
            TransitionInfo info = new TransitionInfo();
            DualAveraging da = new DualAveraging(target);
            double eps = 1;
            da.setMu(Math.log(10 * eps));
            for (int t = 0; t < 1500; t++) {
                nuts.transition(state, eps, info);
                eps = da.learn(info.acceptance);
            }
            eps = da.finalStepSize();
            double acceptance = 0;
            int n = 3000;
            for (int t = 0; t < n; t++) {
                nuts.transition(state, eps, info);
                acceptance += info.acceptance;
            }
            assertThat(acceptance / n).as("target %s, step size %s", target, eps).isCloseTo(target, within(0.04));
        }
    }
}
