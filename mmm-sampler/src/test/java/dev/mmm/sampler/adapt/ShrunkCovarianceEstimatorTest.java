package dev.mmm.sampler.adapt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.sampler.metric.DenseMetric;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ShrunkCovarianceEstimatorTest {

    /** n draws of N(0, Σ) for Σ = L Lᵀ, L lower triangular row-major. */
    private static double[][] gaussianDraws(double[][] lower, int n, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
        int d = lower.length;
        double[][] out = new double[n][d];
        double[] z = new double[d];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < d; i++) {
                z[i] = normal.sample();
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    out[k][i] += lower[i][j] * z[j];
                }
            }
        }
        return out;
    }

    private static double[][] identityLower(int d) {
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            l[i][i] = 1;
        }
        return l;
    }

    private static ShrunkCovarianceEstimator fed(double[][] draws) {
        ShrunkCovarianceEstimator estimator = new ShrunkCovarianceEstimator(new DenseMetric(draws[0].length));
        for (double[] d : draws) {
            estimator.add(d, null);
        }
        return estimator;
    }

    /** Schäfer and Strimmer's λ for the diagonal target, computed plainly in two passes over centred draws. */
    private static double plainShrinkage(double[][] x) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (double[] row : x) {
            for (int i = 0; i < d; i++) {
                mean[i] += row[i] / n;
            }
        }
        for (double[] row : x) {
            for (int i = 0; i < d; i++) {
                sd[i] += (row[i] - mean[i]) * (row[i] - mean[i]) / (n - 1);
            }
        }
        for (int i = 0; i < d; i++) {
            sd[i] = Math.sqrt(sd[i]);
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                if (i == j) {
                    continue;
                }
                double[] w = new double[n];
                double wBar = 0;
                for (int k = 0; k < n; k++) {
                    w[k] = (x[k][i] - mean[i]) / sd[i] * (x[k][j] - mean[j]) / sd[j];
                    wBar += w[k] / n;
                }
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += (w[k] - wBar) * (w[k] - wBar);
                }
                num += n / Math.pow(n - 1, 3) * s;
                double r = n * wBar / (n - 1);
                den += r * r;
            }
        }
        return Math.max(0, Math.min(1, num / den));
    }

    @Test
    void shrinkageIsSchaferStrimmersForTheDiagonalTarget() {
        double[][] draws = gaussianDraws(new double[][] {{1, 0, 0}, {0.6, 0.8, 0}, {0.1, -0.2, 0.5}}, 40, 3);
        ShrunkCovarianceEstimator estimator = fed(draws);
        DMatrixRMaj shrunk = new DMatrixRMaj(3, 3);
        estimator.shrunkCovariance(shrunk);
        double lambda = plainShrinkage(draws);
        assertThat(estimator.lastShrinkage()).isCloseTo(lambda, within(1e-12));
        assertThat(lambda).isStrictlyBetween(0.0, 1.0);
        // Variances kept, covariances scaled by 1 − λ.
        double[] mean = new double[3];
        for (double[] row : draws) {
            for (int i = 0; i < 3; i++) {
                mean[i] += row[i] / draws.length;
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double c = 0;
                for (double[] row : draws) {
                    c += (row[i] - mean[i]) * (row[j] - mean[j]) / (draws.length - 1);
                }
                double expected = i == j ? c : (1 - lambda) * c;
                assertThat(shrunk.get(i, j)).as("entry (%d, %d)", i, j).isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    void manyDrawsOfAStronglyCorrelatedGaussianKeepItsCovariance() {
        // sd 2 and 0.5 with correlation 0.9, then four independent unit coordinates.
        double[][] lower = identityLower(6);
        lower[0][0] = 2;
        lower[1][0] = 0.9 * 0.5;
        lower[1][1] = Math.sqrt(1 - 0.81) * 0.5;
        ShrunkCovarianceEstimator estimator = fed(gaussianDraws(lower, 4000, 7));
        DMatrixRMaj shrunk = new DMatrixRMaj(6, 6);
        estimator.shrunkCovariance(shrunk);
        assertThat(estimator.lastShrinkage()).isLessThan(0.05);
        // Standard errors at n = 4000: about 2·4/sqrt(2n) = 0.09 for var 4, 0.3·0.25 / 63 for cov 0.9, 1/63 for 0.
        assertThat(shrunk.get(0, 0)).isCloseTo(4.0, within(0.3));
        assertThat(shrunk.get(1, 1)).isCloseTo(0.25, within(0.02));
        assertThat(shrunk.get(0, 1)).isCloseTo(0.9, within(0.07));
        for (int i = 2; i < 6; i++) {
            assertThat(shrunk.get(i, i)).isCloseTo(1.0, within(0.1));
            for (int j = 0; j < i; j++) {
                assertThat(shrunk.get(i, j)).as("entry (%d, %d)", i, j).isCloseTo(0.0, within(0.07));
            }
        }
    }

    @Test
    void fewDrawsOfIndependentCoordinatesDropTheirNoiseCorrelations() {
        // 30 draws of 20 independent coordinates: every sample correlation is noise (sd ~ 0.18).
        ShrunkCovarianceEstimator estimator = fed(gaussianDraws(identityLower(20), 30, 11));
        DMatrixRMaj shrunk = new DMatrixRMaj(20, 20);
        estimator.shrunkCovariance(shrunk);
        assertThat(estimator.lastShrinkage()).isGreaterThan(0.8);
    }

    @Test
    void updateWritesStansRegularisedShrunkCovarianceAndRestarts() {
        double[][] draws = gaussianDraws(new double[][] {{1, 0}, {0.7, 0.7}}, 45, 5);
        DenseMetric metric = new DenseMetric(2);
        ShrunkCovarianceEstimator estimator = new ShrunkCovarianceEstimator(metric);
        for (double[] d : draws) {
            estimator.add(d, null);
        }
        DMatrixRMaj shrunk = new DMatrixRMaj(2, 2);
        estimator.shrunkCovariance(shrunk);
        estimator.updateMetricAndRestart();
        DMatrixRMaj inverse = new DMatrixRMaj(2, 2);
        metric.inverse(inverse);
        double w = 45.0 / 50.0;
        assertThat(inverse.get(0, 0)).isCloseTo(w * shrunk.get(0, 0) + 1e-3 * 0.1, within(1e-12));
        assertThat(inverse.get(1, 1)).isCloseTo(w * shrunk.get(1, 1) + 1e-3 * 0.1, within(1e-12));
        assertThat(inverse.get(0, 1)).isCloseTo(w * shrunk.get(0, 1), within(1e-12));
        assertThat(estimator.count()).isZero();
        // The next window starts empty: two new draws give their own covariance.
        estimator.add(new double[] {0, 0}, null);
        estimator.add(new double[] {2, 2}, null);
        estimator.shrunkCovariance(shrunk);
        assertThat(shrunk.get(0, 0)).isCloseTo(2.0, within(1e-12));
    }
}
