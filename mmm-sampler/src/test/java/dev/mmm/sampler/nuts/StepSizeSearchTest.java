package dev.mmm.sampler.nuts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mmm.sampler.DiagonalGaussianDensity;
import dev.mmm.sampler.LogDensity;
import dev.mmm.sampler.SamplerException;
import dev.mmm.sampler.metric.DiagonalMetric;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class StepSizeSearchTest {

    private static StepSizeSearch search(LogDensity target) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        return new StepSizeSearch(new LeapfrogIntegrator(target, new DiagonalMetric(target.dimension())),
                ZigguratSampler.NormalizedGaussian.of(rng));
    }

    private static PhasePoint at(LogDensity target, double... q) {
        PhasePoint z = new PhasePoint(q.length);
        System.arraycopy(q, 0, z.position, 0, q.length);
        z.logDensity = target.logDensityAndGradient(z.position, z.gradient);
        return z;
    }

    @Test
    void stepSizeScalesWithTheNarrowestDirection() {
        LogDensity wide = DiagonalGaussianDensity.logSpacedScales(3, 1, 1);
        LogDensity narrow = DiagonalGaussianDensity.logSpacedScales(3, 1e-3, 1);
        double wideStep = search(wide).search(at(wide, 0.1, 0.2, 0.3), 1.0);
        double narrowStep = search(narrow).search(at(narrow, 1e-4, 0.2, 0.3), 1.0);
        assertThat(wideStep).isBetween(0.25, 4.0);
        assertThat(narrowStep).isBetween(1e-4, 1e-2);
        // Powers of two from 1: the search doubles and halves.
        assertThat(Math.log(narrowStep) / Math.log(2)).isCloseTo(Math.rint(Math.log(narrowStep) / Math.log(2)),
                org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void flatDensityIsReportedAsImproper() {
        LogDensity flat = new LogDensity() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double logDensityAndGradient(double[] q, double[] g) {
                g[0] = 0;
                g[1] = 0;
                return 0;
            }
        };
        assertThatThrownBy(() -> search(flat).search(at(flat, 0, 0), 1.0))
                .isInstanceOf(SamplerException.class).hasMessageContaining("improper");
    }
}
