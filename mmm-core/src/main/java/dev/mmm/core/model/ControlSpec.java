package dev.mmm.core.model;

import dev.mmm.priors.Distribution;
import java.util.Objects;

/** A control column entering linearly and unscaled, with coefficient {@code gamma[name]}; prior null = the model default. */
public record ControlSpec(String name, Distribution prior) {
    public ControlSpec {
        Objects.requireNonNull(name, "control name");
    }

    public static ControlSpec of(String name) {
        return new ControlSpec(name, null);
    }
}
