package dev.mmm.core.model;

import dev.mmm.sampler.SamplingResult;
import dev.mmm.sampler.diagnostics.Diagnostics;
import dev.mmm.sampler.diagnostics.ParameterSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted model: the spec, the compiled model, the sampler's result and everything derived from
 * the draws (constrained draws, per-parameter summaries, contributions in the target's units).
 * Draw-derived arrays are computed once on first use and shared: do not modify them.
 */
public final class MmmFit {

    private final ModelSpec spec;
    private final CompiledModel model;
    private final SamplingResult result;
    private double[][][] draws;
    private List<ParameterSummary> summary;

    public MmmFit(ModelSpec spec, CompiledModel model, SamplingResult result) {
        this.spec = spec;
        this.model = model;
        this.result = result;
    }

    public ModelSpec spec() {
        return spec;
    }

    public CompiledModel model() {
        return model;
    }

    public SamplingResult samplingResult() {
        return result;
    }

    /** Parameter names in the model's fixed order (MODEL.md's order for the default model). */
    public List<String> parameterNames() {
        return model.parameterNames();
    }

    /** Target and channel scales, to convert scaled quantities back to the data's units. */
    public Scaling scaling() {
        return model.scaling();
    }

    /** {@code [chain][draw][parameter]} in the constrained space (completed draws only). */
    public synchronized double[][][] draws() {
        if (draws == null) {
            double[][][] positions = result.positions();
            draws = new double[positions.length][][];
            for (int c = 0; c < positions.length; c++) {
                draws[c] = new double[positions[c].length][];
                for (int d = 0; d < positions[c].length; d++) {
                    double[] x = new double[model.parameterCount()];
                    model.constrain(positions[c][d], x);
                    draws[c][d] = x;
                }
            }
        }
        return draws;
    }

    /** Total number of kept draws over all chains. */
    public int drawCount() {
        int n = 0;
        for (double[][] chain : draws()) {
            n += chain.length;
        }
        return n;
    }

    /** One parameter's draws, {@code [chain][draw]}. */
    public double[][] parameterDraws(String name) {
        int i = model.parameterNames().indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no parameter named '" + name + "'; the parameters are "
                    + String.join(", ", model.parameterNames()));
        }
        double[][][] all = draws();
        double[][] out = new double[all.length][];
        for (int c = 0; c < all.length; c++) {
            out[c] = new double[all[c].length];
            for (int d = 0; d < all[c].length; d++) {
                out[c][d] = all[c][d][i];
            }
        }
        return out;
    }

    /**
     * Mean, sd, quantiles, R-hat, ESS and MCSE of every parameter, in {@link #parameterNames()} order.
     * After a cancellation the chains hold different numbers of draws; the diagnostics need equal
     * lengths, so the summary is over the chains that have draws, each cut to the shortest of them.
     * With no draws at all every statistic is NaN.
     */
    public synchronized List<ParameterSummary> summary() {
        if (summary == null) {
            List<ParameterSummary> s = new ArrayList<>();
            for (String name : model.parameterNames()) {
                double[][] x = equalLengthChains(parameterDraws(name));
                s.add(x.length == 0 ? new ParameterSummary(name, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                        : Diagnostics.summarize(name, x));
            }
            summary = List.copyOf(s);
        }
        return summary;
    }

    private static double[][] equalLengthChains(double[][] perChain) {
        int shortest = Integer.MAX_VALUE;
        int withDraws = 0;
        for (double[] chain : perChain) {
            if (chain.length > 0) {
                shortest = Math.min(shortest, chain.length);
                withDraws++;
            }
        }
        double[][] out = new double[withDraws][];
        int k = 0;
        for (double[] chain : perChain) {
            if (chain.length > 0) {
                out[k++] = chain.length == shortest ? chain : java.util.Arrays.copyOf(chain, shortest);
            }
        }
        return out;
    }

    /** The sampler warnings of this fit ({@link FitWarnings}), one sentence each; empty when none. */
    public List<String> warnings() {
        return FitWarnings.of(result, summary());
    }

    /** The summary of one parameter. */
    public ParameterSummary summary(String name) {
        for (ParameterSummary p : summary()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no parameter named '" + name + "'");
    }

    /**
     * Every contribution series in the target's units, {@code [pooled draw][week]} keyed by
     * contribution name (each channel's name, {@code intercept}, {@code controls}, {@code fourier},
     * {@code synergy[a:b]}, ...). Draws are pooled chain after chain. Under an identity link the
     * series sum to the fitted mean; under a log link each is the drop in the expected target if
     * that part alone were removed, {@code scale * exp(mu) * (1 - exp(-part))}.
     */
    public LinkedHashMap<String, double[][]> contributions() {
        double[][][] all = draws();
        int total = drawCount();
        int rows = model.rows();
        double scale = model.scaling().targetScale();
        boolean logLink = model.likelihood() instanceof LogNormalLikelihood;
        LinkedHashMap<String, double[][]> out = new LinkedHashMap<>();
        int k = 0;
        for (double[][] chain : all) {
            for (double[] x : chain) {
                LinkedHashMap<String, double[]> parts = model.contributions(x);
                double[] mu = logLink ? model.mean(x) : null;
                for (Map.Entry<String, double[]> e : parts.entrySet()) {
                    double[][] target = out.computeIfAbsent(e.getKey(), n -> new double[total][]);
                    double[] v = e.getValue();
                    for (int t = 0; t < rows; t++) {
                        v[t] = logLink ? scale * Math.exp(mu[t]) * -Math.expm1(-v[t]) : scale * v[t];
                    }
                    target[k] = v;
                }
                k++;
            }
        }
        return out;
    }

    /** Channel contributions in the target's units, {@code [pooled draw][week][channel]} in spec channel order. */
    public double[][][] channelContributions() {
        LinkedHashMap<String, double[][]> all = contributions();
        List<String> channels = spec.channelNames();
        int total = drawCount();
        int rows = model.rows();
        double[][][] out = new double[total][rows][channels.size()];
        for (int c = 0; c < channels.size(); c++) {
            double[][] series = all.get(channels.get(c));
            for (int d = 0; d < total; d++) {
                for (int t = 0; t < rows; t++) {
                    out[d][t][c] = series[d][t];
                }
            }
        }
        return out;
    }
}
