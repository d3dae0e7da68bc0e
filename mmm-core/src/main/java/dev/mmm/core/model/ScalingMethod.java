package dev.mmm.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a column is scaled before fitting: divided by its max (default, as PyMC-Marketing), its mean, or left as is. */
public enum ScalingMethod {
    MAX, MEAN, NONE;

    /** The JSON name: {@code max}, {@code mean}, {@code none}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScalingMethod fromJsonName(String name) {
        for (ScalingMethod m : values()) {
            if (m.jsonName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown scaling '" + name + "'; valid: "
                + Arrays.stream(values()).map(ScalingMethod::jsonName).collect(Collectors.joining(", ")));
    }
}
