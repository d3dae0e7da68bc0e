package dev.mmm.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.numbers.gamma.InverseErfc;

/**
 * Pareto-smoothed importance sampling leave-one-out cross-validation (PSIS-LOO; Vehtari,
 * Gelman and Gabry 2017), computed from a pointwise log-likelihood matrix exactly as R's
 * {@code loo::loo(log_lik, r_eff = loo::relative_eff(exp(log_lik), chain_id))} does in loo
 * 2.5.1 (the version Debian ships as {@code r-cran-loo}); {@code PsisLooRParityTest} holds the
 * two side by side.
 *
 * <p>For each observation {@code i}, the log importance ratios are {@code -log_lik[, i]}. The
 * largest {@code M = ceiling(min(0.2 S, 3 sqrt(S / r_eff)))} of them are replaced by the
 * expected order statistics of a generalized Pareto distribution fitted to them
 * ({@link GeneralizedParetoFit}), whose shape is the Pareto {@code k} of that observation; then
 * every smoothed weight is capped at the largest raw weight (loo 2.x; loo 1.x capped at
 * {@code S^(3/4)} times the mean weight instead). With normalised weights {@code w},
 * {@code elpd_loo_i = log sum_s w_s p(y_i | theta_s)}, {@code lpd_i = log mean_s p(y_i | theta_s)},
 * {@code p_loo_i = lpd_i - elpd_loo_i} and {@code looic_i = -2 elpd_loo_i}; totals are sums and
 * their standard errors are {@code sqrt(N var(pointwise))}.
 *
 * @param draws                S, the number of posterior draws
 * @param observations         N, the number of observations
 * @param elpdLoo              expected log pointwise predictive density, and its se
 * @param pLoo                 effective number of parameters, and its se
 * @param looic                {@code -2 elpd_loo}, and its se
 * @param mcseElpdLoo          Monte Carlo standard error of elpd_loo; NaN when some k exceeds
 *                             0.7, as loo prints NA then
 * @param pointwiseElpdLoo     elpd_loo of each observation
 * @param pointwiseMcseElpdLoo Monte Carlo standard error of each observation's elpd_loo
 * @param pointwisePLoo        p_loo of each observation
 * @param paretoK              Pareto k of each observation; infinite when the tail was too short
 *                             (fewer than 5 draws) or flat to fit
 * @param nEff                 PSIS effective sample size of each observation, {@code r_eff / sum w^2}
 * @param rEff                 relative efficiency of each observation's likelihood draws
 * @param tailLength           M, the number of smoothed draws of each observation
 * @param paretoKSummary       counts of observations per k band
 * @param warnings             plain-English warnings, empty when all is well
 */
public record PsisLoo(
        int draws,
        int observations,
        Estimate elpdLoo,
        Estimate pLoo,
        Estimate looic,
        double mcseElpdLoo,
        double[] pointwiseElpdLoo,
        double[] pointwiseMcseElpdLoo,
        double[] pointwisePLoo,
        double[] paretoK,
        double[] nEff,
        double[] rEff,
        int[] tailLength,
        ParetoKSummary paretoKSummary,
        List<String> warnings) {

    /** Pareto k above this is "bad" in loo 2.5 (and the cap of the sample-size threshold). */
    public static final double K_BAD = 0.7;
    /** Pareto k above this is only "ok" in loo 2.5 ("slightly high"). */
    public static final double K_OK = 0.5;
    /** Pareto k above this is "very bad" in loo 2.5. */
    public static final double K_VERY_BAD = 1.0;

    /** loo needs at least this many tail draws to fit the generalized Pareto distribution. */
    static final int MIN_TAIL_LENGTH = 5;
    /** Size of the normal-quantile grid of loo's {@code mcse_elpd}. */
    private static final int MCSE_GRID = 1000;
    private static final int MAX_LISTED = 10;

    /**
     * A total and its standard error.
     *
     * @param value the sum over observations
     * @param se    {@code sqrt(N var(pointwise))}
     */
    public record Estimate(double value, double se) {

        /** The sum of {@code pointwise} and its se {@code sqrt(N var(pointwise))} (NaN for one value). */
        public static Estimate ofPointwise(double[] pointwise) {
            int n = pointwise.length;
            double sum = 0;
            for (double v : pointwise) {
                sum += v;
            }
            double mean = sum / n;
            double ss = 0;
            for (double v : pointwise) {
                ss += (v - mean) * (v - mean);
            }
            double se = n > 1 ? Math.sqrt(n * ss / (n - 1)) : Double.NaN;
            return new Estimate(sum, se);
        }
    }

    /**
     * How many observations fall in each Pareto k band, with loo 2.5's bands (good k <= 0.5, ok
     * up to 0.7, bad up to 1, very bad above 1) and loo 2.6's sample-size-dependent threshold
     * {@code min(1 - 1/log10(S), 0.7)}, above which PSIS is unreliable with S draws.
     *
     * @param good                     k <= 0.5
     * @param ok                       0.5 < k <= 0.7
     * @param bad                      0.7 < k <= 1
     * @param veryBad                  k > 1 (including infinite k)
     * @param sampleSizeThreshold      {@code min(1 - 1/log10(S), 0.7)}
     * @param aboveSampleSizeThreshold observations with k above that threshold
     * @param badObservations          1-based numbers of the observations with k > 0.7
     */
    public record ParetoKSummary(int good, int ok, int bad, int veryBad, double sampleSizeThreshold,
                                 int aboveSampleSizeThreshold, int[] badObservations) {
    }

    /**
     * PSIS-LOO with {@code r_eff} from the chains, as loo's recommended call.
     *
     * @param logLik   pointwise log-likelihood {@code [draw][observation]}, all finite
     * @param chainIds the chain of each draw, 1..C, all chains equally long
     */
    public static PsisLoo compute(double[][] logLik, int[] chainIds) {
        return computeChecked(logLik, RelativeEfficiency.ofLogLikelihood(logLik, chainIds));
    }

    /** PSIS-LOO of draws stored chain after chain, {@code chains} chains of equal length. */
    public static PsisLoo computeForChains(double[][] logLik, int chains) {
        LogLikMatrix.check(logLik);
        return compute(logLik, LogLikMatrix.consecutiveChains(logLik.length, chains));
    }

    /**
     * PSIS-LOO with given relative efficiencies ({@code loo::loo(log_lik, r_eff = rEff)}); all
     * ones treats the draws as independent.
     */
    public static PsisLoo computeWithRelativeEfficiency(double[][] logLik, double[] rEff) {
        LogLikMatrix.check(logLik);
        return computeChecked(logLik, rEff);
    }

    private static PsisLoo computeChecked(double[][] logLik, double[] rEff) {
        int draws = logLik.length;
        int observations = logLik[0].length;
        if (rEff.length != observations) {
            throw new IllegalArgumentException("r_eff has " + rEff.length + " values for "
                    + observations + " observations; give one per observation");
        }
        for (int i = 0; i < observations; i++) {
            if (!(rEff[i] > 0) || !Double.isFinite(rEff[i])) {
                throw new IllegalArgumentException("r_eff of observation " + (i + 1) + " is " + rEff[i]
                        + "; it must be positive and finite");
            }
        }
        double[] elpd = new double[observations];
        double[] mcse = new double[observations];
        double[] pLoo = new double[observations];
        double[] looic = new double[observations];
        double[] k = new double[observations];
        double[] nEff = new double[observations];
        int[] tail = new int[observations];
        List<Integer> flatTails = new ArrayList<>();
        double[] standardNormalGrid = mcseNormalGrid();
        double[] logLikColumn = new double[draws];
        double[] logWeights = new double[draws];
        double[] weightedLogLik = new double[draws];
        for (int i = 0; i < observations; i++) {
            for (int s = 0; s < draws; s++) {
                logLikColumn[s] = logLik[s][i];
                logWeights[s] = -logLikColumn[s];
            }
            tail[i] = tailLength(draws, rEff[i]);
            ParetoSmoothing.Outcome smoothed = ParetoSmoothing.smoothInPlace(logWeights, tail[i]);
            k[i] = smoothed.k();
            if (smoothed.flatTail()) {
                flatTails.add(i + 1);
            }
            double logNormaliser = logSumExp(logWeights);
            double sumSquaredWeights = 0;
            for (int s = 0; s < draws; s++) {
                logWeights[s] -= logNormaliser;
                double w = Math.exp(logWeights[s]);
                sumSquaredWeights += w * w;
                weightedLogLik[s] = logLikColumn[s] + logWeights[s];
            }
            elpd[i] = logSumExp(weightedLogLik);
            double lpd = logSumExp(logLikColumn) - Math.log(draws);
            pLoo[i] = lpd - elpd[i];
            looic[i] = -2 * elpd[i];
            nEff[i] = rEff[i] / sumSquaredWeights;
            mcse[i] = mcseElpd(logLikColumn, logWeights, elpd[i], rEff[i], standardNormalGrid);
        }
        ParetoKSummary summary = summarise(k, draws);
        double mcseTotal = Double.NaN;
        if (summary.bad() + summary.veryBad() == 0) {
            double sum = 0;
            for (double m : mcse) {
                sum += m * m;
            }
            mcseTotal = Math.sqrt(sum);
        }
        List<String> warnings = warnings(tail, flatTails, k, summary, draws);
        return new PsisLoo(draws, observations, Estimate.ofPointwise(elpd), Estimate.ofPointwise(pLoo),
                Estimate.ofPointwise(looic), mcseTotal,
                elpd, mcse, pLoo, k, nEff, rEff.clone(), tail, summary, List.copyOf(warnings));
    }

    /** loo's {@code n_pareto}: {@code ceiling(min(0.2 S, 3 sqrt(S / r_eff)))}. */
    static int tailLength(int draws, double rEff) {
        return (int) Math.ceil(Math.min(0.2 * draws, 3 * Math.sqrt(draws / rEff)));
    }

    /**
     * loo's {@code mcse_elpd}: the variance of the log of a normal approximation to the
     * weighted likelihood's sampling distribution, evaluated on 1000 Blom normal quantiles,
     * divided by {@code r_eff}.
     */
    private static double mcseElpd(double[] logLik, double[] normalisedLogWeights, double elpd,
                                   double rEff, double[] grid) {
        double expectedDensity = Math.exp(elpd);
        double var = 0;
        for (int s = 0; s < logLik.length; s++) {
            double w = Math.exp(normalisedLogWeights[s]);
            double d = Math.exp(logLik[s]) - expectedDensity;
            var += w * w * d * d;
        }
        double sd = Math.sqrt(var);
        double[] logs = new double[grid.length];
        int n = 0;
        for (double z : grid) {
            double value = expectedDensity + sd * z;
            if (value > 0) {
                logs[n++] = Math.log(value);
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (int j = 0; j < n; j++) {
            mean += logs[j];
        }
        mean /= n;
        double ss = 0;
        for (int j = 0; j < n; j++) {
            ss += (logs[j] - mean) * (logs[j] - mean);
        }
        return Math.sqrt(ss / (n - 1) / rEff);
    }

    /** {@code qnorm((r - 3/8) / (S + 1/4))}, r = 1..1000: Blom's plotting positions. */
    private static double[] mcseNormalGrid() {
        double c = 3.0 / 8;
        double[] grid = new double[MCSE_GRID];
        for (int r = 1; r <= MCSE_GRID; r++) {
            double p = (r - c) / (MCSE_GRID - 2 * c + 1);
            grid[r - 1] = -Math.sqrt(2) * InverseErfc.value(2 * p);
        }
        return grid;
    }

    private static ParetoKSummary summarise(double[] k, int draws) {
        int good = 0;
        int ok = 0;
        int bad = 0;
        int veryBad = 0;
        int aboveThreshold = 0;
        double threshold = sampleSizeThreshold(draws);
        List<Integer> badObservations = new ArrayList<>();
        for (int i = 0; i < k.length; i++) {
            double v = k[i];
            if (v <= K_OK) {
                good++;
            } else if (v <= K_BAD) {
                ok++;
            } else if (v <= K_VERY_BAD) {
                bad++;
            } else {
                veryBad++;
            }
            if (v > K_BAD) {
                badObservations.add(i + 1);
            }
            if (v > threshold) {
                aboveThreshold++;
            }
        }
        return new ParetoKSummary(good, ok, bad, veryBad, threshold, aboveThreshold,
                badObservations.stream().mapToInt(Integer::intValue).toArray());
    }

    /** loo 2.6's {@code min(1 - 1/log10(S), 0.7)}. */
    public static double sampleSizeThreshold(int draws) {
        return Math.min(1 - 1 / Math.log10(draws), K_BAD);
    }

    private static List<String> warnings(int[] tail, List<Integer> flatTails, double[] k,
                                         ParetoKSummary summary, int draws) {
        int n = k.length;
        List<String> warnings = new ArrayList<>();
        List<Integer> shortTails = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (tail[i] < MIN_TAIL_LENGTH) {
                shortTails.add(i + 1);
            }
        }
        if (!shortTails.isEmpty()) {
            warnings.add("Too few draws to fit the Pareto tail (fewer than " + MIN_TAIL_LENGTH
                    + " tail draws) for " + count(shortTails.size(), n) + " " + listed(shortTails)
                    + ": their weights are not smoothed and their k is reported as infinite; draw more.");
        }
        if (!flatTails.isEmpty()) {
            warnings.add("All tail draws are equal for " + count(flatTails.size(), n) + " "
                    + listed(flatTails) + ", so no Pareto tail could be fitted; their k is reported"
                    + " as infinite.");
        }
        int over = summary.bad() + summary.veryBad();
        if (over > 0) {
            double worst = IntStream.of(summary.badObservations()).mapToDouble(i -> k[i - 1]).max().orElse(0);
            warnings.add(String.format("%s %s Pareto k above %.1f (largest %.2f; %d above 1): PSIS-LOO"
                            + " is unreliable for them and elpd_loo is likely too optimistic. Refit"
                            + " leaving those out (exact LOO) or use K-fold cross-validation; the Monte"
                            + " Carlo SE of elpd_loo is not reported.",
                    count(over, n), listedWithVerb(summary.badObservations()), K_BAD, worst,
                    summary.veryBad()));
        }
        int betweenThresholds = summary.aboveSampleSizeThreshold() - over;
        if (betweenThresholds > 0) {
            warnings.add(String.format("%s %s Pareto k between %.2f and %.1f: with only %d draws, loo"
                            + " 2.6 and later count k above min(1 - 1/log10(S), 0.7) = %.2f as unreliable;"
                            + " more draws raise that threshold.",
                    count(betweenThresholds, n), betweenThresholds == 1 ? "has" : "have",
                    summary.sampleSizeThreshold(), K_BAD, draws, summary.sampleSizeThreshold()));
        }
        int okOnly = summary.ok() - Math.max(betweenThresholds, 0);
        if (okOnly > 0) {
            warnings.add(String.format("%s %s Pareto k between %.1f and %.1f: usable, but their"
                            + " importance weights are noisier (loo calls this \"slightly high\").",
                    count(okOnly, n), okOnly == 1 ? "has" : "have", K_OK, K_BAD));
        }
        return warnings;
    }

    private static String count(int count, int total) {
        return count + " of " + total + (total == 1 ? " observation" : " observations");
    }

    private static String listedWithVerb(int[] observations) {
        List<Integer> list = IntStream.of(observations).boxed().collect(Collectors.toList());
        return listed(list) + (observations.length == 1 ? " has" : " have");
    }

    /** "(3)" or "(3, 7, 9 and 4 more)": at most ten observation numbers. */
    private static String listed(List<Integer> observations) {
        String numbers = observations.stream().limit(MAX_LISTED).map(String::valueOf)
                .collect(Collectors.joining(", "));
        String more = observations.size() > MAX_LISTED ? " and " + (observations.size() - MAX_LISTED) + " more" : "";
        return "(" + numbers + more + ")";
    }

    /** {@code log sum exp(x)} with the maximum factored out. */
    static double logSumExp(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double v : x) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }
}
