package dev.mmm.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The test targets' hand-written gradients against central finite differences. */
class TestDensityGradientTest {

    static void assertGradientMatchesFiniteDifferences(LogDensity density, double[] q) {
        int n = density.dimension();
        double[] gradient = new double[n];
        double[] scratch = new double[n];
        density.logDensityAndGradient(q, gradient);
        for (int i = 0; i < n; i++) {
            double h = 1e-6 * Math.max(1e-3, Math.abs(q[i]));
            double saved = q[i];
            q[i] = saved + h;
            double up = density.logDensityAndGradient(q, scratch);
            q[i] = saved - h;
            double down = density.logDensityAndGradient(q, scratch);
            q[i] = saved;
            double numeric = (up - down) / (2 * h);
            double error = Math.abs(numeric - gradient[i]) / Math.max(1.0, Math.abs(gradient[i]));
            assertThat(error).as("coordinate %d: analytic %g, numeric %g", i, gradient[i], numeric).isLessThan(1e-6);
        }
    }

    @Test
    void gaussianTargetsHaveCorrectGradients() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        LogDensity[] targets = {
            GaussianDensity.equicorrelated(6, 0.9),
            DiagonalGaussianDensity.logSpacedScales(6, 1e-1, 1e1),
            new ConjugateLinearRegression(30, 4, 1.5, 10, 3)
        };
        for (LogDensity target : targets) {
            for (int trial = 0; trial < 5; trial++) {
                double[] q = new double[target.dimension()];
                for (int i = 0; i < q.length; i++) {
                    q[i] = 4 * rng.nextDouble() - 2;
                }
                assertGradientMatchesFiniteDifferences(target, q);
            }
        }
    }
}
