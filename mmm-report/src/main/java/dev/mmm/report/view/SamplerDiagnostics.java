package dev.mmm.report.view;

import java.util.List;

/**
 * How the sampler did: run size, divergences, tree-depth hits, per-parameter R-hat and ESS, and the
 * fit's own warnings (one line each, shown as they are).
 *
 * @param chains           number of chains
 * @param warmupPerChain   warm-up iterations per chain
 * @param drawsPerChain    kept draws per chain
 * @param divergences      divergent transitions after warm-up, all chains
 * @param maxTreeDepthHits transitions that hit the maximum tree depth, all chains
 * @param parameters       per-parameter diagnostics
 * @param warnings         the fit's warnings, possibly empty
 */
public record SamplerDiagnostics(int chains, int warmupPerChain, int drawsPerChain, long divergences, long maxTreeDepthHits,
                                 List<ParameterDiagnostic> parameters, List<String> warnings) {
    /** Checks counts and lists. */
    public SamplerDiagnostics {
        if (chains < 1 || drawsPerChain < 1 || warmupPerChain < 0 || divergences < 0 || maxTreeDepthHits < 0) {
            throw new IllegalArgumentException("SamplerDiagnostics: counts must be non-negative and chains, drawsPerChain at least 1 (chains "
                    + chains + ", warmup " + warmupPerChain + ", draws " + drawsPerChain + ", divergences " + divergences
                    + ", tree depth hits " + maxTreeDepthHits + ")");
        }
        parameters = Checks.nonEmpty(parameters, "SamplerDiagnostics.parameters");
        warnings = Checks.orEmpty(warnings, "SamplerDiagnostics.warnings");
    }

    /** Total kept draws. */
    public long totalDraws() {
        return (long) chains * drawsPerChain;
    }
}
