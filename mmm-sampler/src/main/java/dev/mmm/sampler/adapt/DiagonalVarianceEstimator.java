package dev.mmm.sampler.adapt;

import dev.mmm.sampler.SamplerException;
import dev.mmm.sampler.metric.DiagonalMetric;

/** Stan's diagonal metric: Welford variance of positions, shrunk towards 1e-3 with weight 5/(n+5). */
public final class DiagonalVarianceEstimator implements MetricEstimator {
    private final DiagonalMetric metric;
    private final WelfordVariance positions;
    private final double[] variance;

    public DiagonalVarianceEstimator(DiagonalMetric metric) {
        this.metric = metric;
        this.positions = new WelfordVariance(metric.dimension());
        this.variance = new double[metric.dimension()];
    }

    @Override
    public void add(double[] position, double[] gradient) {
        positions.add(position);
    }

    @Override
    public int count() {
        return positions.count();
    }

    @Override
    public void updateMetricAndRestart() {
        positions.variance(variance);
        double n = positions.count();
        for (int i = 0; i < variance.length; i++) {
            variance[i] = (n / (n + 5.0)) * variance[i] + 1e-3 * (5.0 / (n + 5.0));
            if (!Double.isFinite(variance[i]) || !(variance[i] > 0)) {
                throw new SamplerException("numerical overflow in metric adaptation: variance of coordinate " + i
                        + " is " + variance[i] + "; the posterior may be improper or badly scaled");
            }
        }
        metric.setInverseDiagonal(variance);
        positions.restart();
    }
}
