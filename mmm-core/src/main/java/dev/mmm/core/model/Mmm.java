package dev.mmm.core.model;

import dev.mmm.core.data.Dataset;
import dev.mmm.sampler.CancellationToken;
import dev.mmm.sampler.ProgressListener;
import dev.mmm.sampler.Sampler;
import dev.mmm.sampler.SamplerException;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.SamplingResult;
import dev.mmm.sampler.WarmStart;
import java.util.List;

/** Entry point: fit a model spec to data with NUTS. */
public final class Mmm {

    private Mmm() {
    }

    /**
     * Checks {@code data} against {@code spec} ({@link FitChecks#validate}: the same checks as the
     * CLI's), checks that the draws fit in memory, then compiles and samples the posterior.
     * The checks' warnings are not returned here; {@link FitChecks#validate} gives them.
     *
     * @param listener progress callback, may be null
     * @param token    cancellation, may be null; a cancelled fit returns the draws made so far
     *                 ({@code fit.samplingResult().complete()} is false)
     */
    public static MmmFit fit(ModelSpec spec, Dataset data, SamplerSettings settings, ProgressListener listener,
                             CancellationToken token) {
        return fit(spec, data, settings, null, listener, token);
    }

    /**
     * As {@link #fit(ModelSpec, Dataset, SamplerSettings, ProgressListener, CancellationToken)},
     * each chain starting from {@code warmStart}'s state (a previous fit's adaptation, see
     * {@link dev.mmm.core.analysis.Refresh}) when it is not null.
     */
    public static MmmFit fit(ModelSpec spec, Dataset data, SamplerSettings settings, WarmStart warmStart,
                             ProgressListener listener, CancellationToken token) {
        FitChecks.validate(spec, data);
        FitChecks.checkMemory(spec, settings);
        CompiledModel model = spec.compile(data);
        SamplingResult result;
        try {
            result = warmStart == null ? Sampler.sample(model, settings, (double[][]) null, listener, token)
                    : Sampler.sample(model, settings, warmStart, listener, token);
        } catch (SamplerException e) {
            for (double u : new double[] {0.0, 1.0, -1.0, 1.9, -1.9}) {
                String reason = nonFiniteReason(model, u);
                if (reason != null) {
                    throw new SamplerException(e.getMessage() + "; with every unconstrained coordinate at " + u
                            + ", " + reason, e);
                }
            }
            throw e;
        }
        return new MmmFit(spec, model, result);
    }

    /**
     * Why the log posterior is not finite with every sampled coordinate at {@code u} (points inside
     * Stan's random initialisation box), or null if it is finite there. Names the first prior term,
     * mean row or likelihood at fault, so a fit that cannot start says why. Allocates: error path only.
     */
    static String nonFiniteReason(CompiledModel model, double u) {
        double[] position = new double[model.dimension()];
        java.util.Arrays.fill(position, u);
        double[] theta = new double[model.parameterCount()];
        model.constrain(position, theta);
        List<ModelParameter> parameters = model.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            ModelParameter p = parameters.get(i);
            if (p.prior().support().isPoint() || model.isDerived(i)) {
                continue;
            }
            double logPrior = p.prior().logDensity(theta[i]);
            if (!Double.isFinite(logPrior)) {
                return "the prior of " + p.name() + ", " + p.prior() + ", is " + logPrior + " at " + theta[i];
            }
        }
        double[] mu = model.mean(theta);
        for (int t = 0; t < mu.length; t++) {
            if (!Double.isFinite(mu[t])) {
                return "the mean is " + mu[t] + " at row " + (t + 1);
            }
        }
        double logLik = model.likelihood().logLikelihood(theta, mu, new double[mu.length], new double[theta.length]);
        if (!Double.isFinite(logLik)) {
            return "the " + model.likelihood().name() + " likelihood is " + logLik;
        }
        return null;
    }

    /** {@link #fit(ModelSpec, Dataset, SamplerSettings, ProgressListener, CancellationToken)} without progress or cancellation. */
    public static MmmFit fit(ModelSpec spec, Dataset data, SamplerSettings settings) {
        return fit(spec, data, settings, null, null);
    }
}
