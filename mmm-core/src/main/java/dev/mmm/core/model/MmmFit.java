package dev.mmm.core.model;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.posterior.DataFingerprint;
import dev.mmm.core.posterior.Posterior;
import dev.mmm.core.posterior.SampledPosterior;
import dev.mmm.core.posterior.Provenance;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.SamplingResult;
import dev.mmm.sampler.diagnostics.ParameterSummary;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted model: the spec, the compiled model and its {@link Posterior}, plus the sampler's raw
 * result when the fit was made in this JVM (null for a fit loaded from disk). Draw-derived arrays
 * are computed once on first use and shared: do not modify them.
 */
public final class MmmFit {

    private final ModelSpec spec;
    private final CompiledModel model;
    private final SamplingResult result;
    private final Posterior posterior;
    private double[][][] draws;
    private List<ParameterSummary> summary;

    /** A fit made in this JVM: the Posterior is built from the sampler's result. */
    public MmmFit(ModelSpec spec, CompiledModel model, SamplingResult result) {
        this(spec, model, result, posteriorOf(spec, model, result));
    }

    private MmmFit(ModelSpec spec, CompiledModel model, SamplingResult result, Posterior posterior) {
        this.spec = spec;
        this.model = model;
        this.result = result;
        this.posterior = posterior;
        if (!posterior.parameterNames().equals(model.parameterNames())) {
            throw new IllegalArgumentException("the posterior's parameters " + posterior.parameterNames()
                    + " are not the model's " + model.parameterNames());
        }
    }

    /** A fit from a Posterior (e.g. loaded from disk) and the model compiled from its spec and data. */
    public static MmmFit of(CompiledModel model, Posterior posterior) {
        return new MmmFit(model.spec(), model, null, posterior);
    }

    private static Posterior posteriorOf(ModelSpec spec, CompiledModel model, SamplingResult r) {
        SamplerSettings s = r.settings();
        Dataset data = model.source();
        Provenance provenance = new Provenance(spec.toJson(), model.scaling().targetScale(),
                model.scaling().channelScales(), data == null ? "" : DataFingerprint.of(data), model.rows(),
                model.dates()[0].toString(), model.dates()[model.rows() - 1].toString(), s.seed(),
                SampledPosterior.settingsOf(s), Provenance.currentLibraryVersion(), Instant.now().toString());
        return SampledPosterior.of(model.parameterNames(), model::constrain, r, provenance);
    }

    public ModelSpec spec() {
        return spec;
    }

    public CompiledModel model() {
        return model;
    }

    /** The draws standing alone: what analysis reads, what is saved and loaded. */
    public Posterior posterior() {
        return posterior;
    }

    /** The sampler's raw result, or null for a fit loaded from disk. */
    public SamplingResult samplingResult() {
        return result;
    }

    /** False if the run was cancelled before every chain finished. */
    public boolean complete() {
        return posterior.run().complete();
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
            int chains = posterior.chains();
            int[] perChain = posterior.drawsPerChain();
            draws = new double[chains][][];
            for (int c = 0; c < chains; c++) {
                draws[c] = new double[perChain[c]][];
                for (int d = 0; d < perChain[c]; d++) {
                    double[] x = new double[model.parameterCount()];
                    posterior.drawInto(posterior.chainStart(c) + d, x);
                    draws[c][d] = x;
                }
            }
        }
        return draws;
    }

    /** Total number of kept draws over all chains. */
    public int drawCount() {
        return posterior.drawCount();
    }

    /** One parameter's draws, {@code [chain][draw]}. */
    public double[][] parameterDraws(String name) {
        return posterior.chainsOf(name);
    }

    /**
     * Mean, sd, quantiles, R-hat, ESS and MCSE of every parameter, in {@link #parameterNames()} order,
     * over the chains that have draws (see {@link Posterior#summary()}).
     */
    public synchronized List<ParameterSummary> summary() {
        if (summary == null) {
            summary = List.copyOf(posterior.summary());
        }
        return summary;
    }

    /** The sampler warnings of this fit ({@link FitWarnings}), one sentence each; empty when none. */
    public List<String> warnings() {
        return FitWarnings.of(posterior.chainReports(), summary());
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
        boolean logLink = model.logLink();
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
