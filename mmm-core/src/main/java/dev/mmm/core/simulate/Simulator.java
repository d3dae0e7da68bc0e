package dev.mmm.core.simulate;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.ModelParameter;
import dev.mmm.core.model.ModelSpec;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Generates a target from a model spec with known parameters over given input columns.
 *
 * <p>The truth is given in a scaled space of the simulator's choosing: {@code y = targetScale * ys}
 * where {@code ys ~ likelihood(mu(truth))}. A model fitted to the result rescales y by its own
 * scale (e.g. max(y)), so the truth it should recover differs by the ratio
 * {@code r = targetScale / fittedScale}: under an identity link every parameter measured in the
 * target's units (intercept, beta, gamma, Fourier, events, synergy, trend, sigma) is multiplied
 * by r, while shape parameters (alpha, lam, ...) and nu are not; under a log link only the
 * intercept moves, by log r. {@link Simulation#truth()} is that fitted-space truth.
 */
public final class Simulator {

    private Simulator() {
    }

    /**
     * @param spec        the model (its target column is created; its channel and control columns must be in {@code inputs})
     * @param dates       one per row
     * @param inputs      spend and control columns by name
     * @param truth       every parameter of the compiled model by name, constrained, in the space of {@code targetScale}
     * @param targetScale the target's units per scaled unit
     * @param seed        seed of the observation noise
     */
    public static Simulation simulate(ModelSpec spec, LocalDate[] dates, Map<String, double[]> inputs,
                                      Map<String, Double> truth, double targetScale, long seed) {
        if (!(targetScale > 0.0) || Double.isInfinite(targetScale)) {
            throw new IllegalArgumentException("targetScale must be > 0, got " + targetScale);
        }
        LinkedHashMap<String, double[]> columns = new LinkedHashMap<>(inputs);
        double[] placeholder = new double[dates.length];
        Arrays.fill(placeholder, 1.0);
        columns.put(spec.targetColumn(), placeholder);
        CompiledModel generator = spec.compile(Dataset.of(spec.dateColumn(), dates, columns));

        List<ModelParameter> parameters = generator.parameters();
        double[] theta = new double[parameters.size()];
        for (int i = 0; i < theta.length; i++) {
            Double v = truth.get(parameters.get(i).name());
            if (v == null) {
                throw new IllegalArgumentException("truth: missing parameter '" + parameters.get(i).name()
                        + "'; the model's parameters are " + String.join(", ", generator.parameterNames()));
            }
            theta[i] = v;
        }
        for (String name : truth.keySet()) {
            if (!generator.parameterNames().contains(name)) {
                throw new IllegalArgumentException("truth: the model has no parameter '" + name + "'");
            }
        }

        boolean logLink = spec.likelihood().logLink();
        double[] mu = generator.mean(theta);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] y = new double[dates.length];
        double[] expected = new double[dates.length];
        for (int t = 0; t < y.length; t++) {
            y[t] = targetScale * generator.likelihood().sample(theta, mu[t], rng);
            expected[t] = targetScale * (logLink ? Math.exp(mu[t]) : mu[t]);
        }
        columns.put(spec.targetColumn(), y);
        Dataset data = Dataset.of(spec.dateColumn(), dates, columns);

        double fittedScale = spec.compile(data).scaling().targetScale();
        double ratio = targetScale / fittedScale;
        LinkedHashMap<String, Double> fitted = new LinkedHashMap<>();
        for (int i = 0; i < theta.length; i++) {
            ModelParameter p = parameters.get(i);
            double v = theta[i];
            if (logLink) {
                v = p.name().equals("intercept") ? v + Math.log(ratio) : v;
            } else if (p.scalesWithTarget()) {
                v *= ratio;
            }
            fitted.put(p.name(), v);
        }

        LinkedHashMap<String, double[]> parts = generator.contributions(theta);
        LinkedHashMap<String, double[]> channelContributions = new LinkedHashMap<>();
        for (String channel : spec.channelNames()) {
            double[] c = parts.get(channel);
            double[] out = new double[c.length];
            for (int t = 0; t < c.length; t++) {
                out[t] = logLink ? targetScale * Math.exp(mu[t]) * -Math.expm1(-c[t]) : targetScale * c[t];
            }
            channelContributions.put(channel, out);
        }
        return new Simulation(spec, data, fitted, channelContributions, expected);
    }
}
