package dev.mmm.report.view;

/**
 * The posterior draws of one key parameter, chain by chain, and optionally draws from its prior,
 * for rank plots, traces and prior-versus-posterior densities.
 *
 * @param name       parameter name
 * @param chains     {@code chains[c][i]} is draw {@code i} of chain {@code c}; all chains the same length
 * @param priorDraws draws from the prior, or null when not available
 */
public record ParameterDraws(String name, double[][] chains, double[] priorDraws) {
    /** Checks that there is at least one chain of at least two draws, chains of one length, all finite. */
    public ParameterDraws {
        Checks.name(name, "ParameterDraws.name");
        String what = "ParameterDraws '" + name + "'";
        Checks.notNull(chains, what + ".chains");
        if (chains.length == 0) {
            throw new IllegalArgumentException(what + ".chains is empty");
        }
        double[][] copy = new double[chains.length][];
        for (int c = 0; c < chains.length; c++) {
            copy[c] = Checks.finite(chains[c], what + ".chains[" + c + "]");
            Checks.length(copy[c], copy[0].length, what + ".chains[" + c + "]", "chains[0]");
        }
        if (copy[0].length < 2) {
            throw new IllegalArgumentException(what + ": each chain needs at least 2 draws");
        }
        chains = copy;
        if (priorDraws != null) {
            priorDraws = Checks.finite(priorDraws, what + ".priorDraws");
            if (priorDraws.length < 2) {
                throw new IllegalArgumentException(what + ".priorDraws needs at least 2 draws");
            }
        }
    }

    /** All draws, chain after chain. */
    public double[] pooled() {
        int n = chains[0].length;
        double[] all = new double[chains.length * n];
        for (int c = 0; c < chains.length; c++) {
            System.arraycopy(chains[c], 0, all, c * n, n);
        }
        return all;
    }

    /** True when prior draws are given. */
    public boolean hasPrior() {
        return priorDraws != null;
    }
}
