package dev.mmm.priors;

/**
 * A density on a bounded interval [a, b] written in terms of the distances to both ends.
 * Near b, x itself cannot resolve b - x (doubles are dense near 0, sparse near 1), so a
 * {@link Prior} on an {@link IntervalBijector} hands these distances over directly,
 * computed from the unconstrained value without that loss.
 */
interface IntervalDensity {

    /** log p(x) where fromLower = x - a and toUpper = b - x. */
    double logDensityInterval(double fromLower, double toUpper);

    /**
     * d log p / dx times fromLower * toUpper / (b - a), which is d log p / du under the
     * logistic interval map; written so that it stays finite at the ends.
     */
    double dLogDensityTimesSpan(double fromLower, double toUpper);
}
