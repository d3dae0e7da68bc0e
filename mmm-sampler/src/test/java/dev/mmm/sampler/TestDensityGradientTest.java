package dev.mmm.sampler;

import dev.mmm.sampler.testutil.GradientCheck;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The test targets' hand-written gradients against central finite differences. */
class TestDensityGradientTest {

    @Test
    void gaussianTargetsHaveCorrectGradients() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        LogDensity[] targets = {
            GaussianDensity.equicorrelated(6, 0.9),
            new EquicorrelatedGaussianDensity(6, 0.9),
            DiagonalGaussianDensity.logSpacedScales(6, 1e-1, 1e1),
            new ConjugateLinearRegression(30, 4, 1.5, 10, 3)
        };
        for (LogDensity target : targets) {
            for (int trial = 0; trial < 5; trial++) {
                double[] q = new double[target.dimension()];
                for (int i = 0; i < q.length; i++) {
                    q[i] = 4 * rng.nextDouble() - 2;
                }
                GradientCheck.assertGradientMatches(target, q, 1e-6);
            }
        }
    }
}
