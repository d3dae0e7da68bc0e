package dev.mmm.report.chart;

import java.util.Arrays;

/**
 * Rank histograms for rank plots (Vehtari et al. 2021, "Rank-normalization, folding, and
 * localization"): the draws of all chains are ranked together and each chain's ranks are counted in
 * equal bins. Chains that sample the same distribution have flat, matching histograms.
 */
public final class Ranks {

    /** Bins of a rank plot when every chain has enough draws for them. */
    public static final int DEFAULT_BINS = 20;

    private Ranks() {
    }

    /** Number of bins for chains of {@code drawsPerChain} draws: {@link #DEFAULT_BINS}, fewer for short chains (about 5 draws a bin). */
    public static int bins(int drawsPerChain) {
        return Math.max(1, Math.min(DEFAULT_BINS, drawsPerChain / 5));
    }

    /**
     * Ranks 1..N of the pooled draws, ties sharing their average rank; {@code ranks[c][i]} belongs
     * to draw {@code i} of chain {@code c}.
     */
    public static double[][] pooledRanks(double[][] chains) {
        int n = chains[0].length;
        int total = chains.length * n;
        double[] values = new double[total];
        Integer[] order = new Integer[total];
        for (int c = 0; c < chains.length; c++) {
            System.arraycopy(chains[c], 0, values, c * n, n);
        }
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] rank = new double[total];
        int i = 0;
        while (i < total) {
            int j = i;
            while (j + 1 < total && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double average = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[order[k]] = average;
            }
            i = j + 1;
        }
        double[][] out = new double[chains.length][n];
        for (int c = 0; c < chains.length; c++) {
            System.arraycopy(rank, c * n, out[c], 0, n);
        }
        return out;
    }

    /**
     * Per chain, how many of its draws have a pooled rank in each of {@code bins} equal bins of
     * 1..N: {@code counts[c][b]}.
     */
    public static int[][] histogram(double[][] chains, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("a rank histogram needs at least 1 bin, got " + bins);
        }
        double[][] ranks = pooledRanks(chains);
        int total = chains.length * chains[0].length;
        int[][] counts = new int[chains.length][bins];
        for (int c = 0; c < chains.length; c++) {
            for (double r : ranks[c]) {
                int b = (int) Math.floor((r - 1) * bins / total);
                counts[c][Math.min(bins - 1, Math.max(0, b))]++;
            }
        }
        return counts;
    }
}
