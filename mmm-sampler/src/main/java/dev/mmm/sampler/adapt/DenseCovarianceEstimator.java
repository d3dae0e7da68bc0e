package dev.mmm.sampler.adapt;

import dev.mmm.sampler.SamplerException;
import dev.mmm.sampler.metric.DenseMetric;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * Stan's dense metric: Welford covariance of positions, shrunk towards 1e-3·I with weight
 * 5/(n+5) ({@code covar_adaptation.hpp}). For a warm start, shrunk instead towards the given
 * inverse metric, which counts as {@link DiagonalVarianceEstimator#WARM_START_PRIOR_DRAWS} draws.
 */
public final class DenseCovarianceEstimator implements MetricEstimator {
    private final DenseMetric metric;
    private final int dimension;
    private final double[] mean;
    private final double[] delta;
    private final DMatrixRMaj m2;
    private final DMatrixRMaj covariance;
    private final double[] prior;
    private int count;

    public DenseCovarianceEstimator(DenseMetric metric) {
        this(metric, null);
    }

    /** Shrinks towards {@code prior} (a warm start's M⁻¹, row-major) instead of 1e-3·I; null for Stan's. */
    public DenseCovarianceEstimator(DenseMetric metric, double[] prior) {
        this.metric = metric;
        this.prior = prior == null ? null : prior.clone();
        this.dimension = metric.dimension();
        this.mean = new double[dimension];
        this.delta = new double[dimension];
        this.m2 = new DMatrixRMaj(dimension, dimension);
        this.covariance = new DMatrixRMaj(dimension, dimension);
    }

    @Override
    public void add(double[] position, double[] gradient) {
        count++;
        for (int i = 0; i < dimension; i++) {
            delta[i] = position[i] - mean[i];
            mean[i] += delta[i] / count;
        }
        // m2 += delta_before · (x − mean_after)ᵀ, Eigen's Welford as in stan::math.
        double[] m = m2.data;
        for (int i = 0; i < dimension; i++) {
            int row = i * dimension;
            for (int j = 0; j < dimension; j++) {
                m[row + j] += delta[i] * (position[j] - mean[j]);
            }
        }
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public void updateMetricAndRestart() {
        double n = count;
        double shrink = n / (n + 5.0);
        double ridge = 1e-3 * (5.0 / (n + 5.0));
        for (int i = 0; i < dimension; i++) {
            for (int j = 0; j < dimension; j++) {
                // Symmetrise: the Welford update is only symmetric up to rounding.
                double c = 0.5 * (m2.get(i, j) + m2.get(j, i)) / (n - 1.0);
                double value = prior == null ? shrink * c + (i == j ? ridge : 0.0)
                        : (n * c + DiagonalVarianceEstimator.WARM_START_PRIOR_DRAWS * prior[i * dimension + j])
                                / (n + DiagonalVarianceEstimator.WARM_START_PRIOR_DRAWS);
                if (!Double.isFinite(value)) {
                    throw new SamplerException("numerical overflow in metric adaptation: covariance entry (" + i + ", "
                            + j + ") is " + value + "; the posterior may be improper or badly scaled");
                }
                covariance.set(i, j, value);
            }
        }
        try {
            metric.setInverse(covariance);
        } catch (IllegalArgumentException e) {
            throw new SamplerException("dense metric adaptation failed: " + e.getMessage(), e);
        }
        count = 0;
        Arrays.fill(mean, 0);
        Arrays.fill(m2.data, 0);
    }
}
