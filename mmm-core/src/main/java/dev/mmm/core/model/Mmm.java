package dev.mmm.core.model;

import dev.mmm.core.data.Dataset;
import dev.mmm.sampler.CancellationToken;
import dev.mmm.sampler.ProgressListener;
import dev.mmm.sampler.Sampler;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.SamplingResult;

/** Entry point: fit a model spec to data with NUTS. */
public final class Mmm {

    private Mmm() {
    }

    /**
     * Compiles {@code spec} against {@code data} and samples its posterior.
     *
     * @param listener progress callback, may be null
     * @param token    cancellation, may be null; a cancelled fit returns the draws made so far
     *                 ({@code fit.samplingResult().complete()} is false)
     */
    public static MmmFit fit(ModelSpec spec, Dataset data, SamplerSettings settings, ProgressListener listener,
                             CancellationToken token) {
        CompiledModel model = spec.compile(data);
        SamplingResult result = Sampler.sample(model, settings, null, listener, token);
        return new MmmFit(spec, model, result);
    }

    /** {@link #fit(ModelSpec, Dataset, SamplerSettings, ProgressListener, CancellationToken)} without progress or cancellation. */
    public static MmmFit fit(ModelSpec spec, Dataset data, SamplerSettings settings) {
        return fit(spec, data, settings, null, null);
    }
}
