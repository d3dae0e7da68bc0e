package dev.mmm.sampler.adapt;

import dev.mmm.sampler.SamplerException;
import dev.mmm.sampler.metric.DiagonalMetric;

/**
 * Stan's diagonal metric: Welford variance of positions, shrunk towards 1e-3 with weight 5/(n+5).
 * For a warm start, shrunk instead towards the given metric, which counts as
 * {@link #WARM_START_PRIOR_DRAWS} draws.
 */
public final class DiagonalVarianceEstimator implements MetricEstimator {
    /**
     * How many draws a warm start's given metric is worth against a window's estimate: 50 draws
     * against a 175-draw window keep a fifth of the old metric, which steadies the estimate of a
     * short window without holding on to a target that moved.
     */
    public static final double WARM_START_PRIOR_DRAWS = 50;

    private final DiagonalMetric metric;
    private final WelfordVariance positions;
    private final double[] variance;
    private final double[] prior;

    public DiagonalVarianceEstimator(DiagonalMetric metric) {
        this.metric = metric;
        this.positions = new WelfordVariance(metric.dimension());
        this.variance = new double[metric.dimension()];
        this.prior = null;
    }

    /** Shrinks towards {@code prior} (a warm start's inverse metric diagonal) instead of 1e-3. */
    public DiagonalVarianceEstimator(DiagonalMetric metric, double[] prior) {
        this.metric = metric;
        this.positions = new WelfordVariance(metric.dimension());
        this.variance = new double[metric.dimension()];
        this.prior = prior.clone();
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
            variance[i] = prior == null ? stanRegularised(variance[i], n)
                    : (n * variance[i] + WARM_START_PRIOR_DRAWS * prior[i]) / (n + WARM_START_PRIOR_DRAWS);
            checkFinitePositive(variance[i], i);
        }
        metric.setInverseDiagonal(variance);
        positions.restart();
    }

    /**
     * Stan's regularisation of a window's sample variance from {@code n} draws: shrunk towards
     * 1e-3 with weight 5/(n+5).
     */
    public static double stanRegularised(double sampleVariance, double n) {
        return (n / (n + 5.0)) * sampleVariance + 1e-3 * (5.0 / (n + 5.0));
    }

    /**
     * Writes Stan's regularised variance of everything {@code pooled} has seen into
     * {@code variance}; {@link dev.mmm.sampler.SamplerSettings#sharedWarmup()} applies it to the chains' pooled
     * window.
     *
     * @throws SamplerException if an entry is not finite and positive
     */
    public static void regularisedVariance(WelfordVariance pooled, double[] variance) {
        pooled.variance(variance);
        double n = pooled.count();
        for (int i = 0; i < variance.length; i++) {
            variance[i] = stanRegularised(variance[i], n);
            checkFinitePositive(variance[i], i);
        }
    }

    private static void checkFinitePositive(double value, int coordinate) {
        if (!Double.isFinite(value) || !(value > 0)) {
            throw new SamplerException("numerical overflow in metric adaptation: variance of coordinate " + coordinate
                    + " is " + value + "; the posterior may be improper or badly scaled");
        }
    }
}
