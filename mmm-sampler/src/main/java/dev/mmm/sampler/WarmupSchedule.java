package dev.mmm.sampler;

/**
 * When warm-up re-estimates the metric. Either way the step size is found again and dual
 * averaging restarts after each update, the last part of warm-up tunes the step size alone, and
 * the sampling phase keeps the metric and step size fixed (so its draws are exact NUTS draws).
 */
public enum WarmupSchedule {
    /**
     * Stan's: a fast buffer of 75 iterations, slow windows of 25, 50, 100, ... whose last one is
     * stretched to the terminal buffer of 50, the metric updated at the end of each window; the
     * default.
     */
    STAN_WINDOWS,
    /**
     * nutpie's: every warm-up draw goes into two overlapping estimators, and the older one
     * replaces the metric each time the newer has seen 10 draws (in the first 30% of warm-up)
     * or 80 draws (after that), up to the last 15% of warm-up, which tunes only the step size.
     * Meant for short warm-ups (300-500 iterations) with {@link Metric#DIAGONAL_GRADIENT}; see
     * {@link dev.mmm.sampler.adapt.SwitchingWindows}. On the race data at 400 iterations it
     * spends a third of Stan's gradients but leaves R-hat at or above 1.01 in 7 of 10 fits
     * (BENCHMARKS.md), so it is opt-in.
     */
    SWITCHING_WINDOWS
}
