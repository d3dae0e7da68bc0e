package dev.mmm.core.analysis;

import dev.mmm.sampler.diagnostics.Autocovariance;
import dev.mmm.sampler.diagnostics.Diagnostics;

/**
 * Relative efficiency {@code r_eff = ESS / S} of each observation's likelihood draws, as R's
 * {@code loo::relative_eff(exp(log_lik), chain_id)} computes it (loo 2.5.1). PSIS-LOO uses it
 * for the Pareto tail length and for the Monte Carlo error of elpd_loo.
 *
 * <p>The ESS is loo's own {@code ess_rfun}: the classic (not split, not rank-normalised)
 * multi-chain estimator of rstan, with Geyer's initial positive and monotone sequences. Two of
 * its details are kept on purpose so that the numbers equal loo's: the autocovariance carries
 * loo's factor {@code M/n}, where {@code M} is the next 2-3-5-smooth size at or above the chain
 * length {@code n} (1 when {@code n} is itself 2-3-5-smooth, as 1000 is), and the final
 * {@code tau} is at least {@code 1 / log10(ESS)}.
 */
public final class RelativeEfficiency {

    private RelativeEfficiency() {
    }

    /**
     * {@code r_eff} per observation of the likelihood {@code exp(logLik)}.
     *
     * @param logLik   pointwise log-likelihood, {@code [draw][observation]}
     * @param chainIds the chain of each draw, numbered 1..C as in R; all chains equally long;
     *                 draws keep their order within a chain
     */
    public static double[] ofLogLikelihood(double[][] logLik, int[] chainIds) {
        LogLikMatrix.check(logLik);
        int[][] drawsByChain = LogLikMatrix.drawsByChain(chainIds, logLik.length);
        int observations = logLik[0].length;
        int chains = drawsByChain.length;
        int perChain = drawsByChain[0].length;
        double[] rEff = new double[observations];
        double[][] sims = new double[chains][perChain];
        for (int i = 0; i < observations; i++) {
            for (int c = 0; c < chains; c++) {
                for (int s = 0; s < perChain; s++) {
                    sims[c][s] = Math.exp(logLik[drawsByChain[c][s]][i]);
                }
            }
            rEff[i] = ess(sims) / ((double) chains * perChain);
        }
        return rEff;
    }

    /**
     * Effective sample size of draws {@code [chain][iteration]} by loo's {@code ess_rfun}.
     * Every chain must have the same length, at least 2.
     */
    public static double ess(double[][] sims) {
        int chains = sims.length;
        int n = sims[0].length;
        if (n < 2) {
            throw new IllegalArgumentException("ESS needs at least 2 draws per chain, got " + n);
        }
        // loo pads to twice the next 2-3-5-smooth size M and divides by 2 n^2, which leaves
        // the biased autocovariance times M/n; kept so that r_eff equals loo's to the last bit
        double looScale = (double) nextSmoothSize(n) / n;
        double[] meanAcov = new double[n];
        double[] chainMean = new double[chains];
        for (int c = 0; c < chains; c++) {
            if (sims[c].length != n) {
                throw new IllegalArgumentException("chain " + (c + 1) + " has " + sims[c].length
                        + " draws, chain 1 has " + n + "; all chains must be equally long");
            }
            double[] acov = Autocovariance.of(sims[c], 0, n);
            for (int t = 0; t < n; t++) {
                meanAcov[t] += acov[t] * looScale / chains;
            }
            double sum = 0;
            for (double v : sims[c]) {
                sum += v;
            }
            chainMean[c] = sum / n;
        }
        return Diagnostics.essFromAutocovariance(meanAcov, chainMean, n, true);
    }

    /** The smallest size at or above {@code n} with no prime factor but 2, 3 and 5 (at least 2). */
    static int nextSmoothSize(int n) {
        if (n <= 2) {
            return 2;
        }
        for (int candidate = n; ; candidate++) {
            int m = candidate;
            while (m % 2 == 0) {
                m /= 2;
            }
            while (m % 3 == 0) {
                m /= 3;
            }
            while (m % 5 == 0) {
                m /= 5;
            }
            if (m <= 1) {
                return candidate;
            }
        }
    }
}
