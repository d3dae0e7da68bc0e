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

/** The NUTS transition alone, with a fixed step size and unit metric. */
class NutsKernelTest {

    private static NutsKernel kernel(LogDensity density, long seed, int maxDepth) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        LeapfrogIntegrator integrator = new LeapfrogIntegrator(density, new DiagonalMetric(density.dimension()));
        return new NutsKernel(integrator, rng, ZigguratSampler.NormalizedGaussian.of(rng), maxDepth);
    }

    @Test
    void fixedStepSizeTransitionsSampleAStandardNormal() {
        LogDensity target = DiagonalGaussianDensity.standard(3);
        NutsKernel nuts = kernel(target, 3, 10);
        PhasePoint state = new PhasePoint(3);
        state.logDensity = target.logDensityAndGradient(state.position, state.gradient);
        TransitionInfo info = new TransitionInfo();
        int n = 20000;
        double sum = 0;
        double sumSquares = 0;
        double sumFourth = 0;
        double acceptance = 0;
        for (int t = 0; t < n; t++) {
            nuts.transition(state, 0.5, info);
            double x = state.position[1];
            sum += x;
            sumSquares += x * x;
            sumFourth += x * x * x * x;
            acceptance += info.acceptance;
            assertThat(info.leapfrogSteps).isBetween(1, (1 << (info.treeDepth + 1)) - 1);
            assertThat(info.divergent).isFalse();
            assertThat(state.logDensity).isCloseTo(-0.5 * (state.position[0] * state.position[0]
                    + state.position[1] * state.position[1] + state.position[2] * state.position[2]), within(1e-12));
        }
        // NUTS draws of a Gaussian are nearly independent (often antithetic), so iid error bars are conservative.
        assertThat(sum / n).isCloseTo(0, within(4 / Math.sqrt(n)));
        assertThat(sumSquares / n).isCloseTo(1, within(4 * Math.sqrt(2.0 / n)));
        assertThat(sumFourth / n).isCloseTo(3, within(4 * Math.sqrt(96.0 / n)));
        assertThat(acceptance / n).isBetween(0.8, 1.0);
    }

    @Test
    void hugeStepSizeDivergesAndStaysPut() {
        LogDensity target = DiagonalGaussianDensity.logSpacedScales(2, 1e-4, 1);
        NutsKernel nuts = kernel(target, 4, 10);
        PhasePoint state = new PhasePoint(2);
        state.position[1] = 0.3;
        state.logDensity = target.logDensityAndGradient(state.position, state.gradient);
        double[] before = state.position.clone();
        TransitionInfo info = new TransitionInfo();
        nuts.transition(state, 10.0, info);
        assertThat(info.divergent).isTrue();
        assertThat(info.treeDepth).isZero();
        assertThat(info.leapfrogSteps).isEqualTo(1);
        assertThat(info.acceptance).isLessThan(1e-10);
        assertThat(state.position).containsExactly(before);
    }

    @Test
    void treeStopsAtTheMaximumDepth() {
        LogDensity target = DiagonalGaussianDensity.standard(2);
        NutsKernel nuts = kernel(target, 5, 4);
        PhasePoint state = new PhasePoint(2);
        state.logDensity = target.logDensityAndGradient(state.position, state.gradient);
        TransitionInfo info = new TransitionInfo();
        // A tiny step cannot turn around within 2^4 − 1 steps.
        nuts.transition(state, 1e-3, info);
        assertThat(info.treeDepth).isEqualTo(4);
        assertThat(info.leapfrogSteps).isEqualTo(15);
        assertThat(info.divergent).isFalse();
    }

    @Test
    void criterionDetectsAUTurn() {
        double[] forward = {1, 0};
        double[] backward = {-1, 0};
        assertThat(NutsKernel.criterion(forward, forward, new double[] {2, 0})).isTrue();
        assertThat(NutsKernel.criterion(backward, forward, new double[] {0.5, 0})).isFalse();
        assertThat(NutsKernel.criterionExtended(forward, forward, new double[] {1, 0}, new double[] {1, 0})).isTrue();
        assertThat(NutsKernel.criterionExtended(forward, forward, new double[] {-3, 0}, new double[] {1, 0})).isFalse();
        assertThat(NutsKernel.logSumExp(Math.log(2), Math.log(3))).isCloseTo(Math.log(5), within(1e-15));
        assertThat(NutsKernel.logSumExp(Double.NEGATIVE_INFINITY, 1.5)).isEqualTo(1.5);
    }
}
