package dev.mmm.core.analysis;

import java.time.LocalDate;
import java.util.List;

/**
 * Every channel's summary over one window, with the baseline (everything that is not media:
 * intercept, trend, seasonality, controls, events) and the total prediction over the window.
 *
 * @param from       first date of the window
 * @param to         last date of the window
 * @param periods    rows in the window
 * @param channels   in spec order
 * @param baseline   expected target in the window less every channel's and synergy's contribution
 * @param media      every channel's and synergy's contribution together
 * @param total      expected target summed over the window
 */
public record ChannelTable(LocalDate from, LocalDate to, int periods, List<ChannelSummary> channels,
                           Interval baseline, Interval media, Interval total) {

    public ChannelSummary channel(String name) {
        for (ChannelSummary c : channels) {
            if (c.channel().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no channel named '" + name + "'");
    }
}
