package dev.mmm.sampler.sbc;

import dev.mmm.sampler.LogDensity;
import java.util.Objects;

/**
 * A posterior to calibrate: its density on the unconstrained scale and the map from an
 * unconstrained draw to the parameters of interest (in {@link SbcModel#parameterNames()} order).
 */
public record SbcPosterior(LogDensity density, ParameterMap parameters) {

    public SbcPosterior {
        Objects.requireNonNull(density, "density must not be null");
        Objects.requireNonNull(parameters, "parameters must not be null");
    }

    /** Writes the parameters of interest of an unconstrained point into {@code out}. */
    @FunctionalInterface
    public interface ParameterMap {
        void apply(double[] unconstrained, double[] out);
    }
}
