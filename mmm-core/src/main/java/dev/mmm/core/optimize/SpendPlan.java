package dev.mmm.core.optimize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Spend per channel per period of a planning window, in the data's money units. */
public final class SpendPlan {

    private final List<String> channels;
    private final double[][] spend;

    private SpendPlan(List<String> channels, double[][] spend) {
        this.channels = channels;
        this.spend = spend;
    }

    /**
     * A plan for every channel of the window: {@code spend.get(channel)[t]} for each of its
     * periods. Every channel must be there, no other, each with one value >= 0 per period. A geo
     * window's channels are its units, {@code channel[geo]}.
     */
    public static SpendPlan of(PlanWindow window, Map<String, double[]> spend) {
        List<String> channels = window.channels();
        for (String name : spend.keySet()) {
            if (!channels.contains(name)) {
                throw new IllegalArgumentException("plan: no channel named '" + name + "'; the channels are "
                        + String.join(", ", channels));
            }
        }
        double[][] rows = new double[channels.size()][];
        for (int c = 0; c < channels.size(); c++) {
            String name = channels.get(c);
            double[] s = spend.get(name);
            if (s == null) {
                throw new IllegalArgumentException("plan: no spend for channel '" + name + "'");
            }
            if (s.length != window.periods()) {
                throw new IllegalArgumentException("plan: channel '" + name + "' has " + s.length
                        + " periods, the window has " + window.periods());
            }
            for (int t = 0; t < s.length; t++) {
                if (!(s[t] >= 0.0) || !Double.isFinite(s[t])) {
                    throw new IllegalArgumentException("plan: channel '" + name + "' period " + (t + 1)
                            + " has spend " + s[t] + "; spend must be finite and >= 0");
                }
            }
            rows[c] = s.clone();
        }
        return new SpendPlan(channels, rows);
    }

    /** Window totals per channel spread over the periods with the given shares ({@code shares[c][t]}, each row summing to 1). */
    static SpendPlan fromTotals(List<String> channels, double[] totals, double[][] shares) {
        double[][] rows = new double[channels.size()][shares[0].length];
        for (int c = 0; c < rows.length; c++) {
            for (int t = 0; t < rows[c].length; t++) {
                rows[c][t] = totals[c] * shares[c][t];
            }
        }
        return new SpendPlan(channels, rows);
    }

    public List<String> channels() {
        return channels;
    }

    /** Spend of channel c (in {@link #channels()} order) per period; a copy. */
    public double[] spend(String channel) {
        return spend[index(channel)].clone();
    }

    /** A channel's spend over the window. */
    public double total(String channel) {
        double s = 0.0;
        for (double v : spend[index(channel)]) {
            s += v;
        }
        return s;
    }

    /** Spend of every channel over the window. */
    public double total() {
        double s = 0.0;
        for (double[] row : spend) {
            for (double v : row) {
                s += v;
            }
        }
        return s;
    }

    /** Every channel's spend per period, by name. */
    public Map<String, double[]> asMap() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int c = 0; c < channels.size(); c++) {
            out.put(channels.get(c), spend[c].clone());
        }
        return out;
    }

    /** The matrix view the evaluators read (not copied). */
    double[][] matrix() {
        return spend;
    }

    private int index(String channel) {
        int c = channels.indexOf(channel);
        if (c < 0) {
            throw new IllegalArgumentException("no channel named '" + channel + "'");
        }
        return c;
    }
}
