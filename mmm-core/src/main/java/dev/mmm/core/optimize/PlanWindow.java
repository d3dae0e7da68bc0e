package dev.mmm.core.optimize;

import java.util.List;
import java.util.Map;

/**
 * What a budget question is asked over: the decision units (a national model's channels, or a
 * geo model's channels in each geo), the window's length, a reference window of training rows
 * (the current mix, the historical flighting, relative bounds) and the model's response to a
 * plan ({@link #response}). {@link PlanningWindow} is the national one.
 */
public interface PlanWindow {

    /** The decision units, in the order of every allocation. */
    List<String> channels();

    int periods();

    /** First training row of the reference window. */
    int referenceFrom();

    /** One past the last training row of the reference window. */
    int referenceTo();

    /** A unit's spend over the reference window, scaled to the window's length. */
    default double referenceSpend(String unit) {
        double sum = 0.0;
        for (double v : referencePattern(unit)) {
            sum += v;
        }
        return sum * periods() / (referenceTo() - referenceFrom());
    }

    /** A unit's spend in each period of the reference window (data units). */
    double[] referencePattern(String unit);

    /** A unit's total spend over all training rows (0 means the data say nothing about it). */
    double trainingSpend(String unit);

    /** A unit's largest spend in one training row (the edge of what the data show of its response). */
    double largestPeriodSpend(String unit);

    /** The model's response to plans over this window, for these draws (read once). */
    SpendResponse response(PosteriorDraws draws);

    /** The channel a unit spends on (the unit itself for a national model). */
    default String channelOf(String unit) {
        return unit;
    }

    /** The geo a unit spends in (null for a national model). */
    default String geoOf(String unit) {
        return null;
    }

    /** The bound given for a unit among the problem's bounds, or null if none names it (free). */
    default ChannelBound boundOf(Map<String, ChannelBound> bounds, String unit) {
        return bounds.get(unit);
    }

    /** The names a bound may be given for (the units). */
    default List<String> boundNames() {
        return channels();
    }
}
