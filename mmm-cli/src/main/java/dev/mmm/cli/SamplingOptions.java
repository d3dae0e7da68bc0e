package dev.mmm.cli;

import dev.mmm.sampler.SamplerSettings;
import picocli.CommandLine.Option;

/** Chains, warm-up and draws: the sampling options every fitting command shares (a picocli mixin). */
final class SamplingOptions {

    @Option(names = "--chains", defaultValue = "4", paramLabel = "N", description = "Chains. Default: ${DEFAULT-VALUE}.")
    int chains;

    /** Null when not given, as the two below: each kind of model then keeps its own measured default. */
    @Option(names = "--warmup", paramLabel = "N", description = "Warm-up iterations per chain. Default: "
            + SamplerSettings.DEFAULT_WARMUP + " for a national fit, 1000 for a geo fit (fit-geo, fit --geo).")
    Integer warmup;

    @Option(names = "--draws", paramLabel = "N", description = "Kept draws per chain. Default: "
            + SamplerSettings.DEFAULT_DRAWS + " for a national fit, 1000 for a geo fit.")
    Integer draws;

    @Option(names = "--adapt-delta", paramLabel = "P",
            description = "Target acceptance rate of the step-size adaptation, in (0, 1): raise it (e.g. 0.95) if a fit"
                    + " reports divergences. Default: 0.9 for a national fit, 0.8 for a geo fit.")
    Double adaptDelta;

    @Option(names = "--shared-warmup",
            description = "Share warm-up across chains: one pooled metric per window and the chains' median step size"
                    + " (docs/sampler.md). Default: off.")
    boolean sharedWarmup;

    /** Most chains accepted (each is a thread's worth of work and a copy of the model). */
    static final int MAX_CHAINS = 256;
    /** Most warm-up iterations or draws per chain accepted; whether the draws fit in memory is checked besides. */
    static final int MAX_ITERATIONS = 10_000_000;

    /** Rejects out-of-range values with a one-line message naming the flag (exit code 2). */
    void check() {
        UsageException.require(chains >= 1, "--chains must be at least 1, got " + chains);
        UsageException.require(chains <= MAX_CHAINS, "--chains must be at most " + MAX_CHAINS + ", got " + chains);
        if (warmup != null) {
            UsageException.require(warmup >= 0, "--warmup must be at least 0, got " + warmup);
            UsageException.require(warmup <= MAX_ITERATIONS, "--warmup must be at most " + MAX_ITERATIONS + ", got " + warmup);
        }
        if (draws != null) {
            UsageException.require(draws >= 1, "--draws must be at least 1, got " + draws);
            UsageException.require(draws <= MAX_ITERATIONS, "--draws must be at most " + MAX_ITERATIONS + ", got " + draws);
        }
        UsageException.require(adaptDelta == null || (adaptDelta > 0 && adaptDelta < 1),
                "--adapt-delta must be in (0, 1), got " + adaptDelta);
    }

    /** A settings builder from the sampler's defaults with these options and the given seed applied. */
    SamplerSettings.Builder settings(long seed) {
        return settings(seed, SamplerSettings.defaults());
    }

    /** As {@link #settings(long)} from other defaults (a geo model's, for instance). */
    SamplerSettings.Builder settings(long seed, SamplerSettings defaults) {
        check();
        SamplerSettings.Builder builder = defaults.toBuilder().chains(chains).seed(seed);
        if (warmup != null) {
            builder.warmup(warmup);
        }
        if (draws != null) {
            builder.draws(draws);
        }
        if (sharedWarmup) {
            builder.sharedWarmup(true);
        }
        return adaptDelta == null ? builder : builder.targetAcceptance(adaptDelta);
    }
}
