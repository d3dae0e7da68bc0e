package dev.mmm.core.analysis;

/**
 * One synergy term over a window: its contribution to the target (the interaction of the two
 * channels' saturated responses times its coefficient, in the target's units) and how sure the
 * posterior is of its sign.
 *
 * @param name                {@code synergy[a:b]}
 * @param channelA            first channel
 * @param channelB            second channel
 * @param contribution        summed over the window
 * @param probabilityPositive share of draws whose contribution is positive
 */
public record SynergySummary(String name, String channelA, String channelB, Interval contribution,
                             double probabilityPositive) {
}
