package dev.mmm.core.optimize;

import dev.mmm.core.analysis.Interval;
import java.util.Map;

/**
 * Plan a less plan b, paired over posterior draws (so the interval is that of the difference,
 * not the difference of the intervals).
 *
 * @param expectedTarget     difference of the expected target over the window's periods
 * @param incremental        difference of the incremental target (carry-over included)
 * @param channelIncremental per channel, the difference of its incremental target
 * @param probabilityHigher  the share of draws in which plan a's incremental target is higher
 */
public record ScenarioComparison(Interval expectedTarget, Interval incremental, Map<String, Interval> channelIncremental,
                                 double probabilityHigher) {

    public ScenarioComparison {
        channelIncremental = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(channelIncremental));
    }
}
