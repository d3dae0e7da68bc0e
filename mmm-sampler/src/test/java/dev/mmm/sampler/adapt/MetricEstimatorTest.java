package dev.mmm.sampler.adapt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.sampler.SamplerException;
import dev.mmm.sampler.metric.DenseMetric;
import dev.mmm.sampler.metric.DiagonalMetric;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class MetricEstimatorTest {
    private static final double[][] DRAWS = {{1, 2}, {3, 1}, {2, 5}, {6, 4}, {0, 3}};

    @Test
    void diagonalIsStansRegularisedVariance() {
        DiagonalMetric metric = new DiagonalMetric(2);
        DiagonalVarianceEstimator estimator = new DiagonalVarianceEstimator(metric);
        for (double[] d : DRAWS) {
            estimator.add(d, d);
        }
        estimator.updateMetricAndRestart();
        double[] out = new double[2];
        metric.inverseDiagonal(out);
        // Sample variances 5.3 and 2.5 with n = 5: (5/10)·var + 1e-3·(5/10).
        assertThat(out[0]).isCloseTo(0.5 * 5.3 + 0.5e-3, within(1e-12));
        assertThat(out[1]).isCloseTo(0.5 * 2.5 + 0.5e-3, within(1e-12));
        assertThat(estimator.count()).isZero();
    }

    @Test
    void mergedWelfordEqualsOneFedEveryDraw() {
        WelfordVariance all = new WelfordVariance(2);
        WelfordVariance first = new WelfordVariance(2);
        WelfordVariance rest = new WelfordVariance(2);
        for (int d = 0; d < DRAWS.length; d++) {
            all.add(DRAWS[d]);
            (d < 2 ? first : rest).add(DRAWS[d]);
        }
        WelfordVariance merged = new WelfordVariance(2);
        merged.merge(first);
        merged.merge(new WelfordVariance(2));
        merged.merge(rest);
        double[] expected = new double[2];
        double[] actual = new double[2];
        all.variance(expected);
        merged.variance(actual);
        assertThat(merged.count()).isEqualTo(5);
        assertThat(actual[0]).isCloseTo(5.3, within(1e-12));
        assertThat(actual[1]).isCloseTo(expected[1], within(1e-12));
        assertThatThrownBy(() -> merged.merge(new WelfordVariance(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension 3");
    }

    @Test
    void pooledVarianceIsRegularisedWithThePooledCount() {
        WelfordVariance pooled = new WelfordVariance(2);
        for (double[] d : DRAWS) {
            pooled.add(d);
        }
        double[] out = new double[2];
        DiagonalVarianceEstimator.regularisedVariance(pooled, out);
        assertThat(out[0]).isCloseTo(0.5 * 5.3 + 0.5e-3, within(1e-12));
        assertThat(out[1]).isCloseTo(0.5 * 2.5 + 0.5e-3, within(1e-12));
    }

    @Test
    void denseIsStansRegularisedCovariance() {
        DenseMetric metric = new DenseMetric(2);
        DenseCovarianceEstimator estimator = new DenseCovarianceEstimator(metric);
        for (double[] d : DRAWS) {
            estimator.add(d, d);
        }
        estimator.updateMetricAndRestart();
        DMatrixRMaj inverse = new DMatrixRMaj(2, 2);
        metric.inverse(inverse);
        // cov(x, y) = 0.75 for these draws.
        assertThat(inverse.get(0, 0)).isCloseTo(0.5 * 5.3 + 0.5e-3, within(1e-12));
        assertThat(inverse.get(1, 1)).isCloseTo(0.5 * 2.5 + 0.5e-3, within(1e-12));
        assertThat(inverse.get(0, 1)).isCloseTo(0.5 * 0.75, within(1e-12));
        assertThat(inverse.get(1, 0)).isCloseTo(0.5 * 0.75, within(1e-12));
    }

    @Test
    void gradientInformedDiagonalRecoversGaussianScales() {
        // For N(0, s²) the gradient is −q/s², so sqrt(var q / var g) = s² exactly.
        DiagonalMetric metric = new DiagonalMetric(2);
        DrawGradientVarianceEstimator estimator = new DrawGradientVarianceEstimator(metric);
        double[] scales = {0.01, 30};
        for (double[] d : DRAWS) {
            double[] q = {d[0] * scales[0], d[1] * scales[1]};
            double[] g = {-q[0] / (scales[0] * scales[0]), -q[1] / (scales[1] * scales[1])};
            estimator.add(q, g);
        }
        estimator.updateMetricAndRestart();
        double[] out = new double[2];
        metric.inverseDiagonal(out);
        assertThat(out[0]).isCloseTo(1e-4, within(1e-15));
        assertThat(out[1]).isCloseTo(900, within(1e-9));
        double[] initial = new double[3];
        DrawGradientVarianceEstimator.initialFromGradient(new double[] {-4, 0, 0.5}, initial);
        assertThat(initial).containsExactly(0.25, 1.0, 2.0);
    }

    @Test
    void gradientInformedDiagonalKeepsTheEntryOfACoordinateThatNeverMoved() {
        DiagonalMetric metric = new DiagonalMetric(new double[] {0.5, 0.5, 0.5});
        DrawGradientVarianceEstimator estimator = new DrawGradientVarianceEstimator(metric);
        // Coordinate 0 is a N(0, 4) that moves; coordinate 1 never moves; coordinate 2 moves with a constant gradient.
        for (double[] d : DRAWS) {
            estimator.add(new double[] {2 * d[0], 3, d[1]}, new double[] {-2 * d[0] / 4, 7, 1});
        }
        estimator.updateMetricAndRestart();
        double[] out = new double[3];
        metric.inverseDiagonal(out);
        assertThat(out[0]).isCloseTo(4.0, within(1e-12));
        assertThat(out[1]).isEqualTo(0.5);
        assertThat(out[2]).isEqualTo(0.5);
    }

    @Test
    void nonFiniteGradientDrawsGiveAClearError() {
        DrawGradientVarianceEstimator estimator = new DrawGradientVarianceEstimator(new DiagonalMetric(2));
        estimator.add(new double[] {1, 1}, new double[] {1, 1});
        // Both variances overflow to infinity: their ratio is NaN.
        estimator.add(new double[] {1e300, 2}, new double[] {1e300, 2});
        estimator.add(new double[] {-1e300, 3}, new double[] {-1e300, 3});
        assertThatThrownBy(estimator::updateMetricAndRestart).isInstanceOf(SamplerException.class)
                .hasMessageContaining("numerical overflow in metric adaptation").hasMessageContaining("coordinate 0");
    }

    @Test
    void nonFiniteDrawsGiveAClearError() {
        DiagonalVarianceEstimator estimator = new DiagonalVarianceEstimator(new DiagonalMetric(2));
        estimator.add(new double[] {1, 1}, new double[2]);
        estimator.add(new double[] {1e300, 1}, new double[2]);
        estimator.add(new double[] {-1e300, 1}, new double[2]);
        assertThatThrownBy(estimator::updateMetricAndRestart).isInstanceOf(SamplerException.class)
                .hasMessageContaining("numerical overflow in metric adaptation").hasMessageContaining("coordinate 0");
    }
}
