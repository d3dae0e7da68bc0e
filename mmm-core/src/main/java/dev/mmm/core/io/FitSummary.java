package dev.mmm.core.io;

import java.util.List;

/**
 * The content of {@code summary.json} (MODEL.md, "The fit contract"), as plain values so that
 * it can be written and read back without the model or the sampler.
 *
 * @param chains              chains run
 * @param warmup              warm-up iterations per chain requested
 * @param draws               kept draws per chain requested
 * @param seed                master seed
 * @param wallSeconds         adaptation plus sampling of all chains, wall clock
 * @param drawsCompleted      kept draws actually completed, per chain (fewer than {@code draws} when cancelled)
 * @param complete            whether every chain finished all its draws
 * @param warnings            data and sampler warnings, one line each
 * @param parameters          one row per parameter, in model order
 */
public record FitSummary(int chains, int warmup, int draws, long seed,
                         double wallSeconds, double warmupSeconds, double samplingSeconds,
                         long gradientEvaluations, long divergences, long maxTreedepthHits,
                         boolean complete, List<Integer> drawsCompleted, List<String> warnings,
                         List<Parameter> parameters) {

    public FitSummary {
        drawsCompleted = List.copyOf(drawsCompleted);
        warnings = List.copyOf(warnings);
        parameters = List.copyOf(parameters);
    }

    /**
     * The chains (from 1) whose draws the parameter summaries use: those with draws, each cut to
     * the fewest of them (every chain for a complete fit; see {@link #summaryDrawsPerChain}).
     */
    public List<Integer> summaryChains() {
        List<Integer> used = new java.util.ArrayList<>();
        for (int c = 0; c < chains; c++) {
            if (drawsCompleted.isEmpty() || (c < drawsCompleted.size() && drawsCompleted.get(c) > 0)) {
                used.add(c + 1);
            }
        }
        return used;
    }

    /** Draws per chain the parameter summaries use: the fewest any of {@link #summaryChains} completed. */
    public int summaryDrawsPerChain() {
        List<Integer> used = summaryChains();
        int fewest = used.isEmpty() ? 0 : Integer.MAX_VALUE;
        for (int c : used) {
            fewest = Math.min(fewest, drawsCompleted.isEmpty() ? draws : drawsCompleted.get(c - 1));
        }
        return fewest;
    }

    /** Posterior summary of one constrained parameter; NaN where a quantity is undefined. */
    public record Parameter(String name, double mean, double sd, double q05, double q50, double q95,
                            double rhat, double essBulk, double essTail, double mcseMean, double mcseSd) {
    }

    /** This summary with other warnings. */
    public FitSummary withWarnings(List<String> newWarnings) {
        return new FitSummary(chains, warmup, draws, seed, wallSeconds, warmupSeconds, samplingSeconds,
                gradientEvaluations, divergences, maxTreedepthHits, complete, drawsCompleted, newWarnings, parameters);
    }

    /** The row of the parameter with this name. */
    public Parameter parameter(String name) {
        for (Parameter p : parameters) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no parameter '" + name + "' in the summary");
    }
}
