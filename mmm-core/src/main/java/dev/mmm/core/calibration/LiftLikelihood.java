package dev.mmm.core.calibration;

import java.util.Locale;

/**
 * How a lift test's measurement is compared with the model's lift.
 *
 * <ul>
 *   <li>{@link #NORMAL} (default): {@code lift ~ Normal(model lift, se)}.</li>
 *   <li>{@link #GAMMA}: {@code |lift| ~ Gamma(shape k, rate k / |model lift|)} with
 *   {@code k = (lift / se)^2} fixed by the measurement, so its mean is the model's lift and its
 *   coefficient of variation the measurement's. PyMC-Marketing's Gamma takes its shape from the
 *   model's lift instead, which puts a second mode near zero (its issue #2958); with the shape
 *   fixed the log density in the model's lift m, {@code -k log m - k |lift| / m}, has one mode, at
 *   {@code m = |lift|}.</li>
 * </ul>
 */
public enum LiftLikelihood {
    NORMAL,
    GAMMA;

    /** The name the JSON spec and the CSV use: {@code normal}, {@code gamma}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code normal} or {@code gamma}; anything else is an error naming both. */
    public static LiftLikelihood fromJsonName(String name) {
        for (LiftLikelihood l : values()) {
            if (l.jsonName().equals(name)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown lift-test likelihood '" + name + "'; valid: normal, gamma");
    }
}
