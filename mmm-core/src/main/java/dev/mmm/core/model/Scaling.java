package dev.mmm.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The divisors applied at compile time: {@code ys = y / targetScale}, {@code xs[c] = x[c] / channelScale(c)}.
 * Multiply a scaled contribution by {@link #targetScale()} to get it in the target's units.
 */
public record Scaling(double targetScale, Map<String, Double> channelScales) {

    public Scaling {
        channelScales = Collections.unmodifiableMap(new LinkedHashMap<>(channelScales));
    }

    public double channelScale(String channel) {
        Double s = channelScales.get(channel);
        if (s == null) {
            throw new IllegalArgumentException("no channel named '" + channel + "'; the channels are "
                    + String.join(", ", channelScales.keySet()));
        }
        return s;
    }

    /**
     * The divisor for a column: its maximum absolute value, mean absolute value or 1. A column
     * whose divisor would be 0 (all zeros) keeps scale 1 rather than turning into NaN.
     */
    public static double scaleOf(double[] column, ScalingMethod method) {
        double s;
        switch (method) {
            case MAX -> {
                s = 0.0;
                for (double v : column) {
                    s = Math.max(s, Math.abs(v));
                }
            }
            case MEAN -> {
                s = 0.0;
                for (double v : column) {
                    s += Math.abs(v);
                }
                s /= column.length;
            }
            case NONE -> s = 1.0;
            default -> throw new IllegalStateException(method.toString());
        }
        return s > 0.0 && Double.isFinite(s) ? s : 1.0;
    }
}
