package dev.mmm.core.analysis;

import java.util.List;

/**
 * A channel's carry-over: the share of one period's spend effect that lands {@code lag} periods
 * later (the adstock weights, normalised to sum to 1 for display), with intervals per lag.
 */
public record AdstockCurve(String channel, List<Interval> weights) {
}
