package dev.mmm.core.analysis;

/**
 * One channel over a window, in the data's units.
 *
 * @param channel      the channel's column name
 * @param spend        spend in the window
 * @param contribution the channel's attributed contribution to the target in the window's rows
 * @param share        contribution / the contribution of all channels together (0..1 for positive effects)
 * @param roas         incremental target per unit of spend: the expected target with the window's
 *                     spend, less the expected target with this channel's window spend removed,
 *                     counted over the window and the {@code l_max - 1} periods after it where
 *                     its carry-over lands, divided by the spend
 * @param mroas        marginal ROAS: the same increment for 1% more spend in the window, per unit
 *                     of that extra spend
 * @param costPerUnit  spend per incremental unit of the target (1 / ROAS draw by draw), for
 *                     targets that are not money
 */
public record ChannelSummary(String channel, double spend, Interval contribution, Interval share, Interval roas,
                             Interval mroas, Interval costPerUnit) {
}
