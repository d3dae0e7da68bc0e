package dev.mmm.core.simulate;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.ModelSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Simulated data with its ground truth.
 *
 * @param spec                 the model the data came from (fit it to recover the truth)
 * @param data                 dates, the input columns and the simulated target
 * @param truth                every parameter's true value in the space of a model FITTED to
 *                             {@code data} (the target rescaled by its own scale, e.g. max(y)),
 *                             in the model's parameter order
 * @param channelContributions true contribution of each channel per week, in the target's units
 * @param expectedTarget       the noise-free mean of the target per week, in the target's units
 */
public record Simulation(ModelSpec spec, Dataset data, Map<String, Double> truth,
                         Map<String, double[]> channelContributions, double[] expectedTarget) {

    public Simulation {
        truth = Collections.unmodifiableMap(new LinkedHashMap<>(truth));
        channelContributions = Collections.unmodifiableMap(new LinkedHashMap<>(channelContributions));
    }

    /** The true value of one parameter in the fitted model's space. */
    public double truth(String parameter) {
        Double v = truth.get(parameter);
        if (v == null) {
            throw new IllegalArgumentException("no parameter named '" + parameter + "'; the parameters are "
                    + String.join(", ", truth.keySet()));
        }
        return v;
    }
}
