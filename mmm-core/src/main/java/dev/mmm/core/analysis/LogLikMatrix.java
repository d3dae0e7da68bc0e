package dev.mmm.core.analysis;

/**
 * Checks of a pointwise log-likelihood matrix {@code [draw][observation]} and of its chain
 * ids, with one-line errors that name the draw, the observation or the chain.
 */
final class LogLikMatrix {

    private LogLikMatrix() {
    }

    /** Fails unless the matrix is non-empty, rectangular and finite. */
    static void check(double[][] logLik) {
        if (logLik == null || logLik.length == 0) {
            throw new IllegalArgumentException("log-likelihood matrix has no draws");
        }
        if (logLik[0] == null || logLik[0].length == 0) {
            throw new IllegalArgumentException("log-likelihood matrix has no observations");
        }
        int observations = logLik[0].length;
        for (int s = 0; s < logLik.length; s++) {
            if (logLik[s] == null || logLik[s].length != observations) {
                throw new IllegalArgumentException("log-likelihood draw " + (s + 1) + " has "
                        + (logLik[s] == null ? 0 : logLik[s].length) + " observations, draw 1 has "
                        + observations);
            }
            for (int i = 0; i < observations; i++) {
                if (!Double.isFinite(logLik[s][i])) {
                    throw new IllegalArgumentException("log-likelihood is " + logLik[s][i]
                            + " at draw " + (s + 1) + ", observation " + (i + 1)
                            + "; every value must be finite");
                }
            }
        }
    }

    /** Chain ids {@code 1..chains}, each chain a consecutive block of {@code draws / chains}. */
    static int[] consecutiveChains(int draws, int chains) {
        if (chains < 1 || draws % chains != 0) {
            throw new IllegalArgumentException(draws + " draws cannot be split into " + chains
                    + " chains of equal length");
        }
        int[] ids = new int[draws];
        int perChain = draws / chains;
        for (int s = 0; s < draws; s++) {
            ids[s] = s / perChain + 1;
        }
        return ids;
    }

    /**
     * Draw indices of each chain in order, {@code [chain][iteration]}, with the checks of loo's
     * {@code llmatrix_to_array}: one id per draw, ids 1..C each used, all chains equally long.
     */
    static int[][] drawsByChain(int[] chainIds, int draws) {
        if (chainIds == null || chainIds.length != draws) {
            throw new IllegalArgumentException("chain ids: " + (chainIds == null ? 0 : chainIds.length)
                    + " given for " + draws + " draws; give one per draw");
        }
        int chains = 0;
        for (int s = 0; s < draws; s++) {
            if (chainIds[s] < 1) {
                throw new IllegalArgumentException("chain id " + chainIds[s] + " at draw " + (s + 1)
                        + "; chain ids are numbered from 1");
            }
            chains = Math.max(chains, chainIds[s]);
        }
        int[] counts = new int[chains];
        for (int id : chainIds) {
            counts[id - 1]++;
        }
        for (int c = 0; c < chains; c++) {
            if (counts[c] != counts[0]) {
                throw new IllegalArgumentException("chain " + (c + 1) + " has " + counts[c]
                        + " draws, chain 1 has " + counts[0] + "; all chains must be equally long"
                        + " and numbered 1.." + chains);
            }
        }
        int[][] byChain = new int[chains][counts[0]];
        int[] filled = new int[chains];
        for (int s = 0; s < draws; s++) {
            int c = chainIds[s] - 1;
            byChain[c][filled[c]++] = s;
        }
        return byChain;
    }
}
