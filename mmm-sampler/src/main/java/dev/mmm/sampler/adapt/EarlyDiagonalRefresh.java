package dev.mmm.sampler.adapt;

import dev.mmm.sampler.metric.DiagonalMetric;

/**
 * Re-estimates a diagonal metric a few times inside Stan's initial fast buffer, before any slow
 * window has closed, with nutpie's estimator M⁻¹_i = sqrt(Var[q_i] / Var[∂_i log p]) over the
 * draws of short spans: for the default buffer of 75 iterations, after the draws of iterations
 * [5, 15), [15, 30), [30, 45), [45, 60) and [60, 75). For a Gaussian coordinate the estimate is
 * its variance from a handful of draws, so a chain started from nutpie's 1/|g| metric stops
 * paying depth-9-10 trees for its narrowest coordinates long before iteration 100, when Stan's
 * first window would correct the unit metric. Repeating the estimate matters: a single early one
 * is made while the chain still drifts towards the typical set, and once left in place it can
 * starve a coordinate for the rest of the warm-up. A coordinate whose ratio is not usable (it
 * never moved, or its gradient never changed) keeps its value.
 */
public final class EarlyDiagonalRefresh {
    /** Span boundaries for Stan's default initial buffer of 75; scaled to other buffer sizes. */
    private static final int[] DEFAULT_BOUNDARIES = {5, 15, 30, 45, 60, 75};
    /** Fewer draws than this give no usable variance; such spans are skipped. */
    static final int MIN_SPAN = 5;

    private final DiagonalMetric metric;
    private final WelfordVariance positions;
    private final WelfordVariance gradients;
    private final double[] positionVariance;
    private final double[] gradientVariance;
    private final double[] current;
    private final int[] spanStarts;
    private final int[] spanEnds;
    private int nextSpan;

    /** @param initBuffer the warm-up's initial fast buffer (Stan's 75, or 15% of a short warm-up) */
    public EarlyDiagonalRefresh(DiagonalMetric metric, int initBuffer) {
        int n = metric.dimension();
        this.metric = metric;
        this.positions = new WelfordVariance(n);
        this.gradients = new WelfordVariance(n);
        this.positionVariance = new double[n];
        this.gradientVariance = new double[n];
        this.current = new double[n];
        int last = DEFAULT_BOUNDARIES[DEFAULT_BOUNDARIES.length - 1];
        int[] bounds = new int[DEFAULT_BOUNDARIES.length];
        int spans = 0;
        for (int k = 0; k < bounds.length; k++) {
            bounds[k] = (int) Math.round((double) DEFAULT_BOUNDARIES[k] * initBuffer / last);
        }
        int[] starts = new int[bounds.length - 1];
        int[] ends = new int[bounds.length - 1];
        for (int k = 0; k + 1 < bounds.length; k++) {
            if (bounds[k + 1] - bounds[k] >= MIN_SPAN) {
                starts[spans] = bounds[k];
                ends[spans] = bounds[k + 1];
                spans++;
            }
        }
        this.spanStarts = java.util.Arrays.copyOf(starts, spans);
        this.spanEnds = java.util.Arrays.copyOf(ends, spans);
    }

    /** Number of re-estimates this schedule makes. */
    public int spans() {
        return spanStarts.length;
    }

    /**
     * Learns from the draw of warm-up iteration {@code iteration} (0-based); returns true when it
     * just replaced the metric (the step size should then be searched for again).
     */
    public boolean learn(int iteration, double[] position, double[] gradient) {
        if (nextSpan >= spanStarts.length || iteration < spanStarts[nextSpan]) {
            return false;
        }
        positions.add(position);
        gradients.add(gradient);
        if (iteration != spanEnds[nextSpan] - 1) {
            return false;
        }
        nextSpan++;
        updateMetricAndRestart();
        return true;
    }

    private void updateMetricAndRestart() {
        positions.variance(positionVariance);
        gradients.variance(gradientVariance);
        metric.inverseDiagonal(current);
        for (int i = 0; i < current.length; i++) {
            double v = DrawGradientVarianceEstimator.inverseMetricEntry(positionVariance[i], gradientVariance[i]);
            // Only where the coordinate moved and its gradient changed: 0 / 0, x / 0 and 0 / x give no scale.
            if (Double.isFinite(v) && positionVariance[i] > 0 && gradientVariance[i] > 0) {
                current[i] = v;
            }
        }
        metric.setInverseDiagonal(current);
        positions.restart();
        gradients.restart();
    }
}
