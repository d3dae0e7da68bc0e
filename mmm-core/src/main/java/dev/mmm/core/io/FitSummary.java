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
 * @param summaryChains       the chains (from 1) whose draws the parameter summaries use: those with
 *                            draws, each cut to the shortest of them (all chains for a complete fit)
 * @param chainsReport        one row per chain: its sampler behaviour (empty when not known)
 */
public record FitSummary(int chains, int warmup, int draws, long seed,
                         double wallSeconds, double warmupSeconds, double samplingSeconds,
                         long gradientEvaluations, long divergences, long maxTreedepthHits,
                         boolean complete, List<Integer> drawsCompleted, List<String> warnings,
                         List<Parameter> parameters, List<Integer> summaryChains, List<Chain> chainsReport) {

    public FitSummary {
        drawsCompleted = List.copyOf(drawsCompleted);
        warnings = List.copyOf(warnings);
        parameters = List.copyOf(parameters);
        summaryChains = List.copyOf(summaryChains);
        chainsReport = List.copyOf(chainsReport);
    }

    /**
     * A summary over every chain that has draws (all of them when {@code drawsCompleted} is empty),
     * without per-chain reports.
     */
    public FitSummary(int chains, int warmup, int draws, long seed,
                      double wallSeconds, double warmupSeconds, double samplingSeconds,
                      long gradientEvaluations, long divergences, long maxTreedepthHits,
                      boolean complete, List<Integer> drawsCompleted, List<String> warnings,
                      List<Parameter> parameters) {
        this(chains, warmup, draws, seed, wallSeconds, warmupSeconds, samplingSeconds, gradientEvaluations,
                divergences, maxTreedepthHits, complete, drawsCompleted, warnings, parameters,
                chainsWithDraws(chains, drawsCompleted), List.of());
    }

    /** A summary over every chain that has draws, with per-chain reports. */
    public FitSummary(int chains, int warmup, int draws, long seed,
                      double wallSeconds, double warmupSeconds, double samplingSeconds,
                      long gradientEvaluations, long divergences, long maxTreedepthHits,
                      boolean complete, List<Integer> drawsCompleted, List<String> warnings,
                      List<Parameter> parameters, List<Chain> chainsReport) {
        this(chains, warmup, draws, seed, wallSeconds, warmupSeconds, samplingSeconds, gradientEvaluations,
                divergences, maxTreedepthHits, complete, drawsCompleted, warnings, parameters,
                chainsWithDraws(chains, drawsCompleted), chainsReport);
    }

    /** The chains (from 1) with at least one draw; every chain when the counts are not known. */
    public static List<Integer> chainsWithDraws(int chains, List<Integer> drawsCompleted) {
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
        int fewest = summaryChains.isEmpty() ? 0 : Integer.MAX_VALUE;
        for (int c : summaryChains) {
            fewest = Math.min(fewest, drawsCompleted.isEmpty() ? draws : drawsCompleted.get(c - 1));
        }
        return fewest;
    }

    /** Posterior summary of one constrained parameter; NaN where a quantity is undefined. */
    public record Parameter(String name, double mean, double sd, double q05, double q50, double q95,
                            double rhat, double essBulk, double essTail, double mcseMean, double mcseSd) {
    }

    /**
     * One chain's sampler behaviour over its kept draws ({@code chains_report} in summary.json).
     *
     * @param chain the chain, counted from 1 as in draws.csv
     * @param ebfmi E-BFMI of its energy; NaN below 2 draws
     */
    public record Chain(int chain, double stepSize, double meanTreeDepth, long divergences, long maxTreedepthHits,
                        double ebfmi) {
    }

    /** This summary with other warnings. */
    public FitSummary withWarnings(List<String> newWarnings) {
        return new FitSummary(chains, warmup, draws, seed, wallSeconds, warmupSeconds, samplingSeconds,
                gradientEvaluations, divergences, maxTreedepthHits, complete, drawsCompleted, newWarnings, parameters,
                summaryChains, chainsReport);
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
