package dev.mmm.core.optimize;

import java.util.Map;

/**
 * How a channel's budget for the window spreads over its periods: evenly, with the channel's own
 * pattern in the reference window, or as given per period.
 */
public sealed interface Flighting {

    /** The same spend every period. */
    record Flat() implements Flighting {
    }

    /** Each channel's pattern over the reference window (which must be as long as the window). */
    record Historical() implements Flighting {
    }

    /**
     * Given shares per period: {@code pattern} for every channel, or {@code perChannel} where a
     * channel is named there. Shares need not sum to 1; they are normalised, and must be >= 0.
     */
    record Given(double[] pattern, Map<String, double[]> perChannel) implements Flighting {
        public Given {
            pattern = pattern == null ? null : pattern.clone();
            perChannel = perChannel == null ? Map.of() : Map.copyOf(perChannel);
        }
    }

    static Flighting flat() {
        return new Flat();
    }

    static Flighting historical() {
        return new Historical();
    }

    static Flighting given(double[] pattern) {
        return new Given(pattern, Map.of());
    }

    static Flighting given(Map<String, double[]> perChannel) {
        return new Given(null, perChannel);
    }
}
