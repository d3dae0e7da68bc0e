package dev.mmm.sampler.adapt;

/**
 * Stan's {@code var_adaptation::learn_variance} / {@code covar_adaptation::learn_covariance}:
 * feeds each warm-up draw inside a slow window to the estimator and updates the metric when a
 * window ends.
 */
public final class MetricAdaptation {
    private final AdaptationWindows windows;
    private final MetricEstimator estimator;

    /** @param estimator null for a metric that is never adapted */
    public MetricAdaptation(AdaptationWindows windows, MetricEstimator estimator) {
        this.windows = windows;
        this.estimator = estimator;
    }

    /** Learns from one warm-up draw; returns true when the metric was just updated. */
    public boolean learn(double[] position, double[] gradient) {
        if (estimator == null) {
            return false;
        }
        if (windows.inWindow()) {
            estimator.add(position, gradient);
        }
        if (windows.endOfWindow()) {
            windows.computeNextWindow();
            estimator.updateMetricAndRestart();
            windows.advance();
            return true;
        }
        windows.advance();
        return false;
    }
}
