package dev.mmm.sampler.adapt;

/** Accumulates warm-up draws within a slow window and turns them into a new metric. */
public interface MetricEstimator {

    /** Adds one draw (position and log-density gradient there). */
    void add(double[] position, double[] gradient);

    /** Number of draws added since the last restart. */
    int count();

    /**
     * Writes the estimated metric into the metric it was built for and restarts the estimator.
     *
     * @throws dev.mmm.sampler.SamplerException if the estimate is not finite
     */
    void updateMetricAndRestart();
}
