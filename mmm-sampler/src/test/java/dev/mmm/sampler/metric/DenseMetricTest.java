package dev.mmm.sampler.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class DenseMetricTest {

    @Test
    void momentumHasCovarianceTheMetricAndVelocityIsTheInverseTimesMomentum() {
        DMatrixRMaj inverse = new DMatrixRMaj(new double[][] {{2.0, 0.6, -0.3}, {0.6, 1.0, 0.2}, {-0.3, 0.2, 0.5}});
        DenseMetric metric = new DenseMetric(3);
        metric.setInverse(inverse);
        DMatrixRMaj expected = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.invert(inverse, expected);

        ZigguratSampler.NormalizedGaussian normal =
                ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
        int n = 200_000;
        double[] p = new double[3];
        double[][] second = new double[3][3];
        for (int s = 0; s < n; s++) {
            metric.sampleMomentum(normal, p);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    second[i][j] += p[i] * p[j] / n;
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double m = expected.get(i, j);
                double tolerance = 5 * Math.sqrt((expected.get(i, i) * expected.get(j, j) + m * m) / n);
                assertThat(second[i][j]).as("E[p%d p%d]", i, j).isCloseTo(m, within(tolerance));
            }
        }

        double[] v = new double[3];
        metric.multiplyInverse(new double[] {1, -1, 2}, v);
        assertThat(v[0]).isCloseTo(2.0 - 0.6 - 0.6, within(1e-15));
        assertThat(v[1]).isCloseTo(0.6 - 1.0 + 0.4, within(1e-15));
        assertThat(v[2]).isCloseTo(-0.3 - 0.2 + 1.0, within(1e-15));
        double[] diagonal = new double[3];
        metric.inverseDiagonal(diagonal);
        assertThat(diagonal).containsExactly(2.0, 1.0, 0.5);
    }

    @Test
    void rejectsMatricesThatAreNotPositiveDefinite() {
        DenseMetric metric = new DenseMetric(2);
        assertThatThrownBy(() -> metric.setInverse(new DMatrixRMaj(new double[][] {{1, 2}, {2, 1}})))
                .hasMessageContaining("not positive definite");
        assertThatThrownBy(() -> metric.setInverse(new DMatrixRMaj(3, 3))).hasMessageContaining("3x3, expected 2x2");
    }

    @Test
    void diagonalMetricDrawsMomentumWithTheInverseVariances() {
        DiagonalMetric metric = new DiagonalMetric(new double[] {4, 0.25});
        ZigguratSampler.NormalizedGaussian normal =
                ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP.create(4L));
        int n = 100_000;
        double[] p = new double[2];
        double[] second = new double[2];
        for (int s = 0; s < n; s++) {
            metric.sampleMomentum(normal, p);
            second[0] += p[0] * p[0] / n;
            second[1] += p[1] * p[1] / n;
        }
        assertThat(second[0]).isCloseTo(0.25, within(5 * 0.25 * Math.sqrt(2.0 / n)));
        assertThat(second[1]).isCloseTo(4, within(5 * 4 * Math.sqrt(2.0 / n)));
        assertThatThrownBy(() -> metric.setInverseDiagonal(new double[] {1, 0}))
                .hasMessageContaining("entry 1 must be finite and positive");
    }
}
