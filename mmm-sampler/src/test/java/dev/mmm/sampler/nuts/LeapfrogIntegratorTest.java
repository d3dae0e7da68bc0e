package dev.mmm.sampler.nuts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.sampler.GaussianDensity;
import dev.mmm.sampler.metric.DenseMetric;
import dev.mmm.sampler.metric.DiagonalMetric;
import dev.mmm.sampler.metric.EuclideanMetric;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LeapfrogIntegratorTest {
    private final GaussianDensity target = GaussianDensity.equicorrelated(5, 0.6);
    private final UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(99L);
    private final ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);

    private PhasePoint start(LeapfrogIntegrator integrator) {
        PhasePoint z = new PhasePoint(5);
        for (int i = 0; i < 5; i++) {
            z.position[i] = 2 * rng.nextDouble() - 1;
        }
        integrator.evaluate(z);
        integrator.metric().sampleMomentum(normal, z.momentum);
        integrator.updateEnergy(z);
        return z;
    }

    private static EuclideanMetric denseMetric() {
        DenseMetric metric = new DenseMetric(5);
        DMatrixRMaj inverse = new DMatrixRMaj(5, 5);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                inverse.set(i, j, i == j ? 1.5 + 0.1 * i : 0.3);
            }
        }
        metric.setInverse(inverse);
        return metric;
    }

    @Test
    void integratingForwardThenBackwardReturnsToTheStart() {
        for (EuclideanMetric metric : new EuclideanMetric[] {new DiagonalMetric(new double[] {0.5, 1, 2, 3, 0.1}),
                denseMetric()}) {
            LeapfrogIntegrator integrator = new LeapfrogIntegrator(target, metric);
            PhasePoint z = start(integrator);
            double[] q0 = z.position.clone();
            double[] p0 = z.momentum.clone();
            for (int s = 0; s < 50; s++) {
                integrator.step(z, 0.1);
            }
            for (int s = 0; s < 50; s++) {
                integrator.step(z, -0.1);
            }
            for (int i = 0; i < 5; i++) {
                assertThat(z.position[i]).isCloseTo(q0[i], within(1e-10));
                assertThat(z.momentum[i]).isCloseTo(p0[i], within(1e-10));
            }
        }
    }

    @Test
    void energyErrorShrinksAsTheSquareOfTheStepSize() {
        LeapfrogIntegrator integrator = new LeapfrogIntegrator(target, denseMetric());
        PhasePoint z = start(integrator);
        PhasePoint copy = new PhasePoint(5);
        double[] errors = new double[3];
        double[] stepSizes = {0.2, 0.1, 0.05};
        for (int k = 0; k < 3; k++) {
            copy.copyFrom(z);
            int steps = (int) Math.round(1.0 / stepSizes[k]);
            double worst = 0;
            for (int s = 0; s < steps; s++) {
                integrator.step(copy, stepSizes[k]);
                worst = Math.max(worst, Math.abs(copy.energy - z.energy));
            }
            errors[k] = worst;
        }
        // Halving ε divides the energy error by about 4 (leapfrog is second order).
        assertThat(errors[0] / errors[1]).isBetween(3.0, 5.0);
        assertThat(errors[1] / errors[2]).isBetween(3.5, 4.5);
        assertThat(errors[2]).isLessThan(0.05);
    }

    @Test
    void nanLogDensityMakesTheEnergyInfinite() {
        LeapfrogIntegrator integrator = new LeapfrogIntegrator(new dev.mmm.sampler.LogDensity() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double logDensityAndGradient(double[] q, double[] g) {
                g[0] = Double.NaN;
                return Double.NaN;
            }
        }, new DiagonalMetric(1));
        PhasePoint z = new PhasePoint(1);
        z.momentum[0] = 1;
        integrator.step(z, 0.1);
        assertThat(z.energy).isEqualTo(Double.POSITIVE_INFINITY);
    }
}
