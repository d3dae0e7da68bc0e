package dev.mmm.sampler.adapt;

/**
 * nutpie's schedule of metric updates ({@code nuts-rs}' foreground and background estimators):
 * each warm-up draw before the final step-size-only stretch is added to two estimators of the
 * same metric. When the newer one (the background) has seen {@link #EARLY_SWITCH} draws in the
 * first {@link #EARLY_FRACTION} of warm-up, or {@link #LATE_SWITCH} after it, the older one (the
 * foreground, which has seen those draws and the span before them) writes the metric and
 * restarts, and the two swap roles. So the metric always comes from the latest one to two spans
 * of draws: early on from the last 10-20 draws, which lets it follow the chain into the typical
 * set within a few dozen iterations; later from 80-160 draws, which steadies it. The last
 * metric iteration writes the foreground's estimate whatever its span. The final
 * {@link #FINAL_FRACTION} of warm-up adapts only the step size.
 *
 * <p>Below 20 warm-up iterations no metric is estimated, as Stan does.
 */
public final class SwitchingWindows {
    /** The fraction of warm-up whose estimates switch every {@link #EARLY_SWITCH} draws. */
    public static final double EARLY_FRACTION = 0.3;
    /** The fraction of warm-up at its end that tunes the step size with the metric fixed. */
    public static final double FINAL_FRACTION = 0.15;
    /** Draws between metric updates in the early part. */
    public static final int EARLY_SWITCH = 10;
    /** Draws between metric updates after the early part. */
    public static final int LATE_SWITCH = 80;

    private final int earlyEnd;
    private final int metricEnd;
    private MetricEstimator foreground;
    private MetricEstimator background;
    private int counter;

    /**
     * @param numWarmup the warm-up iterations
     * @param first one estimator writing the chain's metric
     * @param second another of the same kind, writing the same metric; null when the metric is never adapted
     */
    public SwitchingWindows(int numWarmup, MetricEstimator first, MetricEstimator second) {
        if (numWarmup < 20 || first == null || second == null) {
            this.earlyEnd = 0;
            this.metricEnd = 0;
        } else {
            this.earlyEnd = (int) (EARLY_FRACTION * numWarmup);
            this.metricEnd = numWarmup - (int) Math.ceil(FINAL_FRACTION * numWarmup);
        }
        this.foreground = first;
        this.background = second;
    }

    /** The first warm-up iteration (0-based) whose draw no longer feeds the metric. */
    public int metricEnd() {
        return metricEnd;
    }

    /** The first warm-up iteration (0-based) of the late part, with updates every {@link #LATE_SWITCH} draws. */
    public int earlyEnd() {
        return earlyEnd;
    }

    /** The 0-based warm-up iterations after which the metric is updated, by running the schedule through. */
    public static java.util.List<Integer> updateIterations(int numWarmup) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        SwitchingWindows windows = new SwitchingWindows(numWarmup, new CountOnly(), new CountOnly());
        double[] none = new double[0];
        for (int i = 0; i < numWarmup; i++) {
            if (windows.learn(none, none)) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * Learns from the draw of the current warm-up iteration; returns true when the metric was
     * just updated (the step size should then be searched for again).
     */
    public boolean learn(double[] position, double[] gradient) {
        int iteration = counter++;
        if (iteration >= metricEnd) {
            return false;
        }
        foreground.add(position, gradient);
        background.add(position, gradient);
        int span = iteration < earlyEnd ? EARLY_SWITCH : LATE_SWITCH;
        boolean last = iteration == metricEnd - 1;
        if (background.count() < span && !(last && foreground.count() >= EARLY_SWITCH)) {
            return false;
        }
        foreground.updateMetricAndRestart();
        MetricEstimator emptied = foreground;
        foreground = background;
        background = emptied;
        return true;
    }

    /** Counts draws only: for {@link #updateIterations(int)}. */
    private static final class CountOnly implements MetricEstimator {
        private int count;

        @Override
        public void add(double[] position, double[] gradient) {
            count++;
        }

        @Override
        public int count() {
            return count;
        }

        @Override
        public void updateMetricAndRestart() {
            count = 0;
        }
    }
}
