package dev.mmm.sampler.diagnostics;

import dev.mmm.sampler.SamplingResult;
import java.util.ArrayList;
import java.util.List;

/**
 * One chain's sampler behaviour over its kept draws: what a careful user reads before
 * trusting a fit, chain by chain.
 *
 * @param chain            the chain, counted from 1 (as draws.csv counts it)
 * @param draws            kept draws the chain completed
 * @param stepSize         the adapted step size it sampled with
 * @param meanTreeDepth    mean NUTS tree depth of its draws
 * @param divergences      divergent transitions among its draws
 * @param maxTreedepthHits draws whose tree reached the maximum depth
 * @param ebfmi            E-BFMI of its energy ({@link Diagnostics#ebfmi}); NaN below 2 draws
 * @param meanLogDensity   mean lp__ of its draws
 * @param sdLogDensity     sd of lp__ over its draws (denominator n - 1); NaN below 2 draws
 */
public record ChainReport(int chain, int draws, double stepSize, double meanTreeDepth, int divergences,
                          int maxTreedepthHits, double ebfmi, double meanLogDensity, double sdLogDensity) {

    /** One report per chain of a run. */
    public static List<ChainReport> of(SamplingResult result) {
        List<ChainReport> out = new ArrayList<>(result.chains());
        for (int c = 0; c < result.chains(); c++) {
            out.add(of(c + 1, result.stepSize()[c], result.treeDepth()[c], result.divergent()[c],
                    result.energy()[c], result.logDensity()[c], result.settings().maxTreeDepth()));
        }
        return List.copyOf(out);
    }

    /**
     * The report of one chain from its per-draw sampler information (all arrays one entry per
     * kept draw).
     */
    public static ChainReport of(int chain, double stepSize, int[] treeDepth, boolean[] divergent, double[] energy,
            double[] logDensity, int maxTreeDepth) {
        int n = treeDepth.length;
        long depthSum = 0;
        int divergences = 0;
        int depthHits = 0;
        for (int d = 0; d < n; d++) {
            depthSum += treeDepth[d];
            if (divergent[d]) {
                divergences++;
            }
            if (treeDepth[d] >= maxTreeDepth) {
                depthHits++;
            }
        }
        double meanLp = Double.NaN;
        double sdLp = Double.NaN;
        if (n > 0) {
            double[][] lp = {logDensity};
            meanLp = Diagnostics.mean(lp);
            sdLp = n > 1 ? Diagnostics.sd(lp) : Double.NaN;
        }
        return new ChainReport(chain, n, stepSize, n == 0 ? Double.NaN : (double) depthSum / n, divergences, depthHits,
                Diagnostics.ebfmi(energy), meanLp, sdLp);
    }
}
