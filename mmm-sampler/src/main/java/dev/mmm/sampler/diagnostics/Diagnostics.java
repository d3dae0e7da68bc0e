package dev.mmm.sampler.diagnostics;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Convergence diagnostics of MCMC draws, ported from the R package {@code posterior}
 * (Vehtari, Gelman, Simpson, Carpenter and Bürkner 2021, "Rank-normalization, folding, and
 * localization"). Every method takes the draws of one scalar as {@code x[chain][draw]}; all
 * chains must have the same length.
 *
 * <p>As in {@code posterior}, a diagnostic is NaN when any draw is non-finite, when all draws
 * are equal, or when chains have fewer than 4 draws (too short to split in two halves of two).
 * Summary statistics ({@link #mean}, {@link #sd}, {@link #quantile}) are computed whenever
 * there is at least one draw.
 */
public final class Diagnostics {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
    private static final int MIN_DRAWS_PER_CHAIN = 4;
    /** Normal CDF at -1 and +1: the quantile MCSE is half a one-sigma interval. */
    private static final double PHI_MINUS_ONE = 0.1586553;
    private static final double PHI_PLUS_ONE = 0.8413447;

    private Diagnostics() {
    }

    // ---------------------------------------------------------------- summary statistics

    /** Mean of all draws pooled. */
    public static double mean(double[][] x) {
        checkShape(x);
        double sum = 0;
        long count = 0;
        for (double[] chain : x) {
            for (double v : chain) {
                sum += v;
            }
            count += chain.length;
        }
        return sum / count;
    }

    /** Standard deviation (denominator S-1) of all draws pooled. */
    public static double sd(double[][] x) {
        return Math.sqrt(variance(pool(x)));
    }

    /**
     * Quantile {@code p} of the pooled draws with R's default (type 7) interpolation, as
     * {@code posterior::quantile2}. NaN if any draw is NaN.
     */
    public static double quantile(double[][] x, double p) {
        double[] sorted = pool(x);
        Arrays.sort(sorted);
        return quantileOfSorted(sorted, p);
    }

    // ---------------------------------------------------------------- R-hat

    /**
     * Rank-normalised split R-hat: the larger of the R-hat of the rank-normalised split draws
     * (bulk) and of the rank-normalised split draws folded around the median (tails).
     */
    public static double rhat(double[][] x) {
        if (shouldReturnNaN(x)) {
            return Double.NaN;
        }
        double bulk = basicRhat(zScale(split(x)));
        double median = quantile(x, 0.5);
        double[][] folded = new double[x.length][];
        for (int c = 0; c < x.length; c++) {
            folded[c] = new double[x[c].length];
            for (int i = 0; i < x[c].length; i++) {
                folded[c][i] = Math.abs(x[c][i] - median);
            }
        }
        double tail = basicRhat(zScale(split(folded)));
        return Math.max(bulk, tail);
    }

    /** Classic split R-hat (Gelman et al., BDA3) of the raw draws, without rank normalisation. */
    public static double rhatBasic(double[][] x) {
        if (shouldReturnNaN(x)) {
            return Double.NaN;
        }
        return basicRhat(split(x));
    }

    // ---------------------------------------------------------------- ESS

    /** Bulk effective sample size: ESS of the rank-normalised split draws. */
    public static double essBulk(double[][] x) {
        if (shouldReturnNaN(x)) {
            return Double.NaN;
        }
        return ess(zScale(split(x)));
    }

    /** Tail effective sample size: the smaller of the ESS of the 5% and the 95% quantiles. */
    public static double essTail(double[][] x) {
        return Math.min(essQuantile(x, 0.05), essQuantile(x, 0.95));
    }

    /** ESS of the quantile {@code p}: ESS of the split indicator {@code x <= quantile(x, p)}. */
    public static double essQuantile(double[][] x, double p) {
        if (shouldReturnNaN(x)) {
            return Double.NaN;
        }
        double q = quantile(x, p);
        double[][] indicator = new double[x.length][];
        for (int c = 0; c < x.length; c++) {
            indicator[c] = new double[x[c].length];
            for (int i = 0; i < x[c].length; i++) {
                indicator[c][i] = x[c][i] <= q ? 1.0 : 0.0;
            }
        }
        return essOrNaN(split(indicator));
    }

    /** ESS of the mean: basic ESS of the split raw draws. */
    public static double essMean(double[][] x) {
        if (shouldReturnNaN(x)) {
            return Double.NaN;
        }
        return ess(split(x));
    }

    /** ESS of the standard deviation: ESS of the split squared centred draws. */
    public static double essSd(double[][] x) {
        if (shouldReturnNaN(x)) {
            return Double.NaN;
        }
        return essOrNaN(split(squaredCentred(x)));
    }

    // ---------------------------------------------------------------- MCSE

    /** Monte Carlo standard error of the mean: {@code sd / sqrt(essMean)}. */
    public static double mcseMean(double[][] x) {
        return sd(x) / Math.sqrt(essMean(x));
    }

    /**
     * Monte Carlo standard error of the sd, as R's {@code posterior} package computes it
     * ({@code mcse_sd.default}): the variance of the variance estimate from the second and fourth
     * central moments (Kenney and Keeping 1951, p. 141) divided by the ESS of the mean of the
     * squared centred draws ({@code ess_mean((x - mean(x))^2)}), carried to the sd by a
     * first-order Taylor step.
     *
     * <p>An older version of posterior (the commit that Stan's C++ {@code mcse_sd} ports) used the
     * ESS of the absolute centred draws instead; that gives values up to 50% larger on skewed
     * quantities (15% on the Bernoulli example's {@code lp__}).
     */
    public static double mcseSd(double[][] x) {
        if (shouldReturnNaN(x)) {
            return Double.NaN;
        }
        double[][] squared = squaredCentred(x);
        double ess = essOrNaN(split(squared));
        double m2 = 0;
        double m4 = 0;
        long count = 0;
        for (double[] chain : squared) {
            for (double v : chain) {
                m2 += v;
                m4 += v * v;
            }
            count += chain.length;
        }
        m2 /= count;
        m4 /= count;
        double varianceOfVariance = (m4 - m2 * m2) / ess;
        return Math.sqrt(varianceOfVariance / m2 / 4);
    }

    /**
     * Monte Carlo standard error of the quantile {@code p}: half the width of the draws
     * bracketing a one-sigma interval of the Beta distribution of the quantile's rank.
     */
    public static double mcseQuantile(double[][] x, double p) {
        double ess = essQuantile(x, p);
        if (Double.isNaN(ess)) {
            return Double.NaN;
        }
        BetaDistribution beta = BetaDistribution.of(ess * p + 1, ess * (1 - p) + 1);
        double a1 = beta.inverseCumulativeProbability(PHI_MINUS_ONE);
        double a2 = beta.inverseCumulativeProbability(PHI_PLUS_ONE);
        double[] sorted = pool(x);
        Arrays.sort(sorted);
        int s = sorted.length;
        // R's 1-based indices max(floor(a1*S), 1) and min(ceiling(a2*S), S)
        int lower = Math.max((int) Math.floor(a1 * s), 1) - 1;
        int upper = Math.min((int) Math.ceil(a2 * s), s) - 1;
        return (sorted[upper] - sorted[lower]) / 2;
    }

    // ---------------------------------------------------------------- energy

    /**
     * Estimated Bayesian fraction of missing information of one chain's Hamiltonian energy, as
     * rstan and CmdStan compute it: {@code mean(diff(E)^2) / var(E)} with the sum of squared
     * differences divided by the number of draws and the variance by draws - 1. Values below
     * 0.3 indicate that the momentum resampling explores the energy distribution poorly.
     */
    public static double ebfmi(double[] energy) {
        int n = energy.length;
        if (n < 2) {
            return Double.NaN;
        }
        double squaredDiffs = 0;
        for (int i = 1; i < n; i++) {
            double d = energy[i] - energy[i - 1];
            squaredDiffs += d * d;
        }
        return squaredDiffs / n / variance(energy);
    }

    // ---------------------------------------------------------------- summary

    /** Mean, sd, 5/50/95% quantiles and the convergence diagnostics of one quantity. */
    public static ParameterSummary summarize(String name, double[][] x) {
        return new ParameterSummary(name, mean(x), sd(x), quantile(x, 0.05), quantile(x, 0.5),
                quantile(x, 0.95), rhat(x), essBulk(x), essTail(x), mcseMean(x), mcseSd(x));
    }

    // ---------------------------------------------------------------- internals

    /** posterior's {@code should_return_NA}, plus the short-chain rule. */
    private static boolean shouldReturnNaN(double[][] x) {
        checkShape(x);
        if (x[0].length < MIN_DRAWS_PER_CHAIN) {
            return true;
        }
        return !finiteAndNotConstant(x);
    }

    private static boolean finiteAndNotConstant(double[][] x) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] chain : x) {
            for (double v : chain) {
                if (!Double.isFinite(v)) {
                    return false;
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        // posterior's is_constant: the range is below machine epsilon
        return max - min >= Math.ulp(1.0);
    }

    private static void checkShape(double[][] x) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("draws: need at least one chain");
        }
        int n = x[0].length;
        if (n == 0) {
            throw new IllegalArgumentException("draws: chain 0 has no draws");
        }
        for (int c = 1; c < x.length; c++) {
            if (x[c].length != n) {
                throw new IllegalArgumentException("draws: chain " + c + " has " + x[c].length
                        + " draws but chain 0 has " + n);
            }
        }
    }

    /**
     * Splits each chain into its first and second half, as posterior's {@code .split_chains}:
     * draws {@code 1..floor(N/2)} and {@code ceiling(N/2+1)..N}, dropping the middle draw
     * when N is odd.
     */
    static double[][] split(double[][] x) {
        int n = x[0].length;
        int half = n / 2;
        int secondStart = (n + 1) / 2;
        double[][] out = new double[2 * x.length][];
        for (int c = 0; c < x.length; c++) {
            out[2 * c] = Arrays.copyOfRange(x[c], 0, half);
            out[2 * c + 1] = Arrays.copyOfRange(x[c], secondStart, secondStart + half);
        }
        return out;
    }

    /**
     * Rank normalisation: average ranks over all draws pooled, then
     * {@code Phi^-1((r - 3/8) / (S + 1/4))} (Blom's offset).
     */
    static double[][] zScale(double[][] x) {
        int chains = x.length;
        int n = x[0].length;
        int s = chains * n;
        Integer[] order = new Integer[s];
        double[] pooled = new double[s];
        for (int c = 0; c < chains; c++) {
            System.arraycopy(x[c], 0, pooled, c * n, n);
        }
        for (int i = 0; i < s; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(pooled[a], pooled[b]));
        double[] rank = new double[s];
        int i = 0;
        while (i < s) {
            int j = i;
            while (j + 1 < s && pooled[order[j + 1]] == pooled[order[i]]) {
                j++;
            }
            // ranks i+1 .. j+1 (1-based) tie: each gets their average
            double average = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[order[k]] = average;
            }
            i = j + 1;
        }
        double[][] z = new double[chains][n];
        for (int c = 0; c < chains; c++) {
            for (int t = 0; t < n; t++) {
                double r = rank[c * n + t];
                z[c][t] = STANDARD_NORMAL.inverseCumulativeProbability((r - 0.375) / (s + 0.25));
            }
        }
        return z;
    }

    /** {@code sqrt((B/W + N - 1) / N)} with B = N var(chain means), W = mean(chain vars). */
    private static double basicRhat(double[][] x) {
        int chains = x.length;
        int n = x[0].length;
        double[] chainMean = new double[chains];
        double meanOfChainVar = 0;
        for (int c = 0; c < chains; c++) {
            chainMean[c] = meanOf(x[c]);
            meanOfChainVar += variance(x[c]);
        }
        meanOfChainVar /= chains;
        double between = n * variance(chainMean);
        return Math.sqrt((between / meanOfChainVar + n - 1) / n);
    }

    /** posterior's {@code .ess} with its own NaN check, for derived series that may be constant. */
    private static double essOrNaN(double[][] x) {
        if (!finiteAndNotConstant(x)) {
            return Double.NaN;
        }
        return ess(x);
    }

    /**
     * ESS of already split chains: multi-chain autocorrelation (Vehtari et al. 2021 eq. 10),
     * Geyer's initial positive sequence, then his initial monotone sequence; the estimate of
     * tau is floored at {@code 1/log10(S)} so that antithetic chains cannot claim more than
     * {@code S log10(S)}.
     */
    static double ess(double[][] x) {
        int chains = x.length;
        int n = x[0].length;
        if (n < 3) {
            return Double.NaN;
        }
        double[] acovMean = new double[n];
        double[] chainMean = new double[chains];
        for (int c = 0; c < chains; c++) {
            double[] acov = Autocovariance.of(x[c], 0, n);
            for (int t = 0; t < n; t++) {
                acovMean[t] += acov[t];
            }
            chainMean[c] = meanOf(x[c]);
        }
        for (int t = 0; t < n; t++) {
            acovMean[t] /= chains;
        }
        return essFromAutocovariance(acovMean, chainMean, n, false);
    }

    /**
     * ESS from the chains' mean autocovariance {@code acovMean[t]} (lags 0..n-1, biased, as
     * {@link Autocovariance#of} gives it) and the chain means: the multi-chain autocorrelation
     * (Vehtari et al. 2021 eq. 10), Geyer's initial positive sequence, then his initial monotone
     * sequence, tau floored at {@code 1/log10(S)}. Shared by {@code posterior}'s {@code ess} and
     * {@code loo}'s {@code ess_rfun}, which differ only where the positive sequence ends at once:
     * loo's {@code sum(rho[1:max_t])} with {@code max_t = 0} is R's {@code 1:0}, so it counts
     * lag 0 ({@code looEmptyRange}).
     */
    public static double essFromAutocovariance(double[] acovMean, double[] chainMean, int n, boolean looEmptyRange) {
        int chains = chainMean.length;
        double meanVar = acovMean[0] * n / (n - 1);
        double varPlus = meanVar * (n - 1) / n;
        if (chains > 1) {
            varPlus += variance(chainMean);
        }
        double[] rho = new double[n];
        int t = 0;
        double rhoEven = 1;
        double rhoOdd = 1 - (meanVar - acovMean[1]) / varPlus;
        rho[0] = rhoEven;
        rho[1] = rhoOdd;
        while (t < n - 5 && !Double.isNaN(rhoEven + rhoOdd) && rhoEven + rhoOdd > 0) {
            t += 2;
            rhoEven = 1 - (meanVar - acovMean[t]) / varPlus;
            rhoOdd = 1 - (meanVar - acovMean[t + 1]) / varPlus;
            if (rhoEven + rhoOdd >= 0) {
                rho[t] = rhoEven;
                rho[t + 1] = rhoOdd;
            }
        }
        int maxT = t;
        // keeping the last positive even lag reduces variance in the antithetic case
        if (rhoEven > 0) {
            rho[maxT] = rhoEven;
        }
        // Geyer's initial monotone sequence: no pair sum may exceed the previous one
        t = 0;
        while (t <= maxT - 4) {
            t += 2;
            if (rho[t] + rho[t + 1] > rho[t - 2] + rho[t - 1]) {
                rho[t] = (rho[t - 2] + rho[t - 1]) / 2;
                rho[t + 1] = rho[t];
            }
        }
        double s = (double) chains * n;
        double sum = looEmptyRange && maxT == 0 ? rho[0] : 0;
        for (int k = 0; k < maxT; k++) {
            sum += rho[k];
        }
        double tau = -1 + 2 * sum + rho[maxT];
        tau = Math.max(tau, 1 / Math.log10(s));
        return s / tau;
    }

    private static double[][] squaredCentred(double[][] x) {
        double mean = mean(x);
        double[][] out = new double[x.length][];
        for (int c = 0; c < x.length; c++) {
            out[c] = new double[x[c].length];
            for (int i = 0; i < x[c].length; i++) {
                double d = x[c][i] - mean;
                out[c][i] = d * d;
            }
        }
        return out;
    }

    /** R's type-7 quantile of sorted values, in R's own arithmetic form (NaN if empty or any NaN). */
    public static double quantileOfSorted(double[] sorted, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile probability must be in [0, 1], got " + p);
        }
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        if (Double.isNaN(sorted[n - 1])) {
            return Double.NaN;
        }
        // 1-based index as R computes it, so that ties at x == q resolve as in R
        double index = 1 + (n - 1) * p;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double q = sorted[lo - 1];
        if (index > lo && sorted[hi - 1] != q) {
            double h = index - lo;
            q = (1 - h) * q + h * sorted[hi - 1];
        }
        return q;
    }

    private static double[] pool(double[][] x) {
        checkShape(x);
        int n = x[0].length;
        double[] pooled = new double[x.length * n];
        for (int c = 0; c < x.length; c++) {
            System.arraycopy(x[c], 0, pooled, c * n, n);
        }
        return pooled;
    }

    private static double meanOf(double[] v) {
        double sum = 0;
        for (double d : v) {
            sum += d;
        }
        return sum / v.length;
    }

    /** Sample variance with denominator n-1, two-pass for accuracy. */
    private static double variance(double[] v) {
        double mean = meanOf(v);
        double ss = 0;
        for (double d : v) {
            double e = d - mean;
            ss += e * e;
        }
        return ss / (v.length - 1);
    }
}
