package dev.mmm.cli;

import dev.mmm.sampler.SamplerSettings;
import picocli.CommandLine.Option;

/** Chains, warm-up and draws: the sampling options every fitting command shares (a picocli mixin). */
final class SamplingOptions {

    @Option(names = "--chains", defaultValue = "4", paramLabel = "N", description = "Chains. Default: ${DEFAULT-VALUE}.")
    int chains;

    @Option(names = "--warmup", defaultValue = "1000", paramLabel = "N", description = "Warm-up iterations per chain. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--draws", defaultValue = "1000", paramLabel = "N", description = "Kept draws per chain. Default: ${DEFAULT-VALUE}.")
    int draws;

    /** Rejects out-of-range values with a one-line message naming the flag. */
    void check() {
        if (chains < 1) {
            throw new IllegalArgumentException("--chains must be at least 1, got " + chains);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must be at least 0, got " + warmup);
        }
        if (draws < 1) {
            throw new IllegalArgumentException("--draws must be at least 1, got " + draws);
        }
    }

    /** A settings builder with these options and the given seed applied. */
    SamplerSettings.Builder settings(long seed) {
        check();
        return SamplerSettings.builder().chains(chains).warmup(warmup).draws(draws).seed(seed);
    }
}
