package dev.mmm.benchmarks;

import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.optimize.AllocationResult;
import dev.mmm.core.optimize.BudgetOptimizer;
import dev.mmm.core.optimize.BudgetProblem;
import dev.mmm.core.optimize.ChannelBound;
import dev.mmm.core.optimize.DefaultBounds;
import dev.mmm.core.optimize.Objective;
import dev.mmm.core.optimize.PlanningWindow;
import dev.mmm.core.optimize.PosteriorDraws;
import dev.mmm.core.simulate.DemoData;
import dev.mmm.core.simulate.Simulation;
import dev.mmm.core.simulate.Simulator;
import dev.mmm.sampler.SamplerSettings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Does the optimiser's allocation, found on a fitted posterior, pay off under the TRUE response
 * curves? For each seed: simulate data with a known truth, fit the default model, optimise a
 * 13-week budget (the reference window's total) on the posterior, and judge the allocation with
 * the simulator's true parameters: the share of the true optimum's uplift over the current mix
 * that the fitted allocation recovers, {@code (T(fit) - T(current)) / (T(true optimum) - T(current))}
 * with T the true incremental target, the true optimum found under the same bounds. Three bound
 * settings: the library's default bounds ({@link DefaultBounds#standard()}), none, and each
 * channel within 0.7x..1.3x of its reference spend (Meridian's fixed-budget default).
 *
 * <p>Per seed it also prints what tells a posterior problem from an optimiser problem: the
 * sampler's divergences and largest R-hat, each channel's marginal ROAS at the current mix and
 * at the fitted optimum (posterior mean and 90% interval against the truth), and a check of both optima: the best
 * gain of moving 0.1%, 1% or 10% of the budget between any two channels within the bounds
 * (relative to the uplift; a true optimum of a concave objective admits none).
 *
 * <p>Data: {@code demo} is {@link DemoData} (156 weeks, its own flighting, where some channels
 * are weakly identified); {@code varied:W} is W weeks of the demo's channels and truth with spend
 * that varies week to week independently per channel (log-normal, 15% dark weeks), where the
 * data pin the response curves down better.
 *
 * <p>{@code java -cp mmm-benchmarks/target/benchmarks.jar dev.mmm.benchmarks.OptimizerRecovery
 * [seeds, default 1,2,3,4,5] [data: demo | varied:W, default demo] [objective, default mean]
 * [chains] [warmup] [draws]} (the sampler's defaults, 4 x (1000 + 1000), when not given; chains
 * run on at most {@code -Drecovery.threads} threads, default 2).
 */
public final class OptimizerRecovery {

    private static final int PERIODS = 13;
    /** The library's default bounds, none, and Meridian's fixed-budget default of +-30% of the reference spend. */
    private static final String[] BOUNDS = {"default", "none", "0.7x:1.3x"};
    private static final double[] TRANSFERS = {0.001, 0.01, 0.1};

    private OptimizerRecovery() {
    }

    public static void main(String[] args) {
        String[] seeds = (args.length > 0 ? args[0] : "1,2,3,4,5").split(",");
        String dataKind = args.length > 1 ? args[1] : "demo";
        Objective objective = Objective.parse(args.length > 2 ? args[2] : "mean");
        SamplerSettings defaults = SamplerSettings.defaults();
        int chains = args.length > 3 ? Integer.parseInt(args[3]) : defaults.chains();
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : defaults.warmup();
        int draws = args.length > 5 ? Integer.parseInt(args[5]) : defaults.draws();
        int threads = Integer.getInteger("recovery.threads", 2);
        System.out.printf(Locale.ROOT, "data %s, objective %s, %d chains x %d+%d on %d threads%n", dataKind,
                objective.label(), chains, warmup, draws, threads);
        System.out.printf(Locale.ROOT, "%-5s %-10s %12s %12s %12s %8s%n", "seed", "bounds", "T(current)", "T(fit opt)",
                "T(true opt)", "share");
        Map<String, List<Double>> shares = new LinkedHashMap<>();
        for (String s : seeds) {
            long seed = Long.parseLong(s.trim());
            Simulation sim = dataKind.equals("demo") ? DemoData.generate(seed)
                    : varied(Integer.parseInt(dataKind.substring(dataKind.indexOf(':') + 1)), seed);
            long started = System.nanoTime();
            MmmFit fit = Mmm.fit(sim.spec(), sim.data(), SamplerSettings.builder().chains(chains).warmup(warmup)
                    .draws(draws).seed(seed).threads(threads).build());
            double seconds = (System.nanoTime() - started) / 1e9;
            double maxRhat = fit.summary().stream().mapToDouble(p -> p.rhat()).filter(Double::isFinite).max()
                    .orElse(Double.NaN);
            System.out.printf(Locale.ROOT, "seed %d: fit %.0f s, %d divergences, max R-hat %.3f%n", seed, seconds,
                    fit.samplingResult().divergences(), maxRhat);
            CompiledModel model = fit.model();
            double[] truth = new double[model.parameterCount()];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = sim.truth(model.parameterNames().get(i));
            }
            PlanningWindow window = PlanningWindow.future(model, PERIODS);
            double budget = 0.0;
            for (String c : window.channels()) {
                budget += window.referenceSpend(c);
            }
            for (String bounds : BOUNDS) {
                BudgetProblem.Builder onFit = BudgetProblem.builder(window, PosteriorDraws.of(fit)).budget(budget)
                        .objective(objective);
                BudgetProblem.Builder onTruth = BudgetProblem.builder(window, PosteriorDraws.single(truth)).budget(budget);
                if (bounds.equals("none")) {
                    onFit.defaultBounds(DefaultBounds.none());
                    onTruth.defaultBounds(DefaultBounds.none());
                } else if (!bounds.equals("default")) {
                    ChannelBound bound = ChannelBound.parse(bounds, "bounds");
                    for (String c : window.channels()) {
                        onFit.bound(c, bound);
                        onTruth.bound(c, bound);
                    }
                }
                BudgetOptimizer fitted = new BudgetOptimizer(onFit.build());
                AllocationResult found = fitted.optimize();
                BudgetOptimizer judge = new BudgetOptimizer(onTruth.build());
                AllocationResult best = judge.optimize();
                double[] x = totals(found);
                double current = judge.objective(judge.feasibleCurrent(budget));
                double atFit = judge.objective(x);
                double atTrue = best.objectiveValue().optimal();
                double share = (atFit - current) / (atTrue - current);
                shares.computeIfAbsent(bounds, k -> new ArrayList<>()).add(share);
                System.out.printf(Locale.ROOT, "%-5d %-10s %12.1f %12.1f %12.1f %7.1f%%%n", seed, bounds, current, atFit,
                        atTrue, 100 * share);
                System.out.printf(Locale.ROOT, "      fitted %s%n      true   %s%n", shares(found, budget),
                        shares(best, budget));
                double fitUplift = found.objectiveValue().optimal() - found.objectiveValue().current();
                System.out.printf(Locale.ROOT, "      optimiser check, best pairwise transfer gain / uplift: on the "
                        + "posterior %.1e, on the truth %.1e; bound notes: %d%n",
                        transferGain(fitted, x, found) / Math.abs(fitUplift),
                        transferGain(judge, totals(best), best) / Math.abs(atTrue - current),
                        found.warnings().stream().filter(w -> w.contains(" bound (")).count());
                if (bounds.equals("default")) {
                    System.out.printf(Locale.ROOT, "      mROAS at the current mix, posterior mean [q05, q95] / truth: %s%n",
                            marginals(fitted, judge, judge.current(budget), PERIODS));
                    System.out.printf(Locale.ROOT, "      mROAS at the fitted optimum, posterior mean [q05, q95] / truth: %s%n",
                            marginals(fitted, judge, x, PERIODS));
                }
            }
        }
        shares.forEach((bounds, list) -> {
            double[] sorted = list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double mean = java.util.Arrays.stream(sorted).average().orElse(Double.NaN);
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
            long atLeast80 = list.stream().filter(v -> v >= 0.8).count();
            StringBuilder row = new StringBuilder("| " + bounds + " |");
            list.forEach(v -> row.append(String.format(Locale.ROOT, " %.1f%% |", 100 * v)));
            row.append(String.format(Locale.ROOT, " %.1f%% | %.1f%% | %d of %d |", 100 * mean, 100 * median, atLeast80, n));
            System.out.printf(Locale.ROOT, "bounds %-10s share of the true uplift recovered: mean %.1f%%, median %.1f%%, "
                    + "min %.1f%%, >= 80%% in %d of %d seeds%n%s%n", bounds, 100 * mean, 100 * median, 100 * sorted[0],
                    atLeast80, n, row);
        });
    }

    private static double[] totals(AllocationResult r) {
        return r.allocation().stream().mapToDouble(AllocationResult.ChannelAllocation::optimal).toArray();
    }

    /**
     * The largest objective gain from moving a share of the budget from one channel to another
     * within the bounds (0 or below at a true optimum of a concave objective).
     */
    private static double transferGain(BudgetOptimizer o, double[] x, AllocationResult r) {
        double base = o.objective(x);
        double budget = java.util.Arrays.stream(x).sum();
        double gain = Double.NEGATIVE_INFINITY;
        for (double share : TRANSFERS) {
            for (int from = 0; from < x.length; from++) {
                for (int to = 0; to < x.length; to++) {
                    AllocationResult.ChannelAllocation a = r.allocation().get(from);
                    AllocationResult.ChannelAllocation b = r.allocation().get(to);
                    double step = Math.min(share * budget, Math.min(x[from] - a.lower(), b.upper() - x[to]));
                    if (from == to || !(step > 1e-9 * budget)) {
                        continue;
                    }
                    double[] y = x.clone();
                    y[from] -= step;
                    y[to] += step;
                    gain = Math.max(gain, o.objective(y) - base);
                }
            }
        }
        return gain;
    }

    /** The demo's channels, promotion and truth over {@code weeks} weeks of independently varied spend. */
    static Simulation varied(int weeks, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        LocalDate[] dates = new LocalDate[weeks];
        for (int t = 0; t < weeks; t++) {
            dates[t] = LocalDate.of(2022, 1, 3).plusWeeks(t);
        }
        double[] level = {50_000, 20_000, 15_000, 10_000, 15_000};
        double[] alpha = {0.6, 0.2, 0.4, 0.3, 0.5};
        double[] lam = {2.0, 3.0, 1.5, 4.0, 2.5};
        double[] beta = {0.15, 0.08, 0.10, 0.05, 0.06};
        LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
        LinkedHashMap<String, Double> truth = new LinkedHashMap<>();
        truth.put("intercept", 0.6);
        List<String> channels = DemoData.CHANNELS;
        for (int c = 0; c < channels.size(); c++) {
            double[] x = new double[weeks];
            for (int t = 0; t < weeks; t++) {
                x[t] = rng.nextDouble() < 0.15 ? 0.0 : level[c] * Math.exp(0.6 * gaussian(rng) - 0.18);
            }
            columns.put(channels.get(c), x);
            truth.put("alpha[" + channels.get(c) + "]", alpha[c]);
            truth.put("lam[" + channels.get(c) + "]", lam[c]);
            truth.put("beta[" + channels.get(c) + "]", beta[c]);
        }
        double[] promo = new double[weeks];
        for (int t = 0; t < weeks; t++) {
            promo[t] = rng.nextDouble() < 0.1 ? 1.0 : 0.0;
        }
        columns.put(DemoData.PROMO, promo);
        truth.put("gamma[" + DemoData.PROMO + "]", 0.08);
        truth.put("fourier[sin_1]", 0.05);
        truth.put("fourier[cos_1]", -0.04);
        truth.put("fourier[sin_2]", 0.02);
        truth.put("fourier[cos_2]", 0.01);
        truth.put("sigma", 0.03);
        return Simulator.simulate(DemoData.spec(), dates, columns, truth, DemoData.SALES_SCALE, seed ^ 0x5DEECE66DL);
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** Each channel's d incremental / d spend at a plan (flat flighting): the posterior's interval and the truth. */
    private static String marginals(BudgetOptimizer fitted, BudgetOptimizer judge, double[] totals, int periods) {
        int channels = totals.length;
        double[][] spend = new double[channels][periods];
        double[][] direction = new double[channels][periods];
        for (int c = 0; c < channels; c++) {
            java.util.Arrays.fill(spend[c], totals[c] / periods);
            java.util.Arrays.fill(direction[c], 1.0 / periods);
        }
        int n = fitted.evaluator().draws();
        double[] values = new double[n];
        double[][] g = new double[n][channels];
        fitted.evaluator().evaluate(spend, direction, values, g);
        double[] truth = new double[channels];
        judge.objectiveAndGradient(totals, truth);
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < channels; c++) {
            double[] column = new double[n];
            for (int d = 0; d < n; d++) {
                column[d] = g[d][c];
            }
            dev.mmm.core.analysis.Interval i = dev.mmm.core.analysis.Interval.of(column);
            b.append(String.format(Locale.ROOT, "%s %.2f [%.2f, %.2f] / %.2f; ", fitted.channels().get(c), i.mean(),
                    i.q05(), i.q95(), truth[c]));
        }
        return b.toString();
    }

    private static String shares(AllocationResult r, double budget) {
        StringBuilder b = new StringBuilder();
        for (AllocationResult.ChannelAllocation a : r.allocation()) {
            b.append(String.format(Locale.ROOT, "%s %.0f%% ", a.channel(), 100 * a.optimal() / budget));
        }
        return b.toString().trim();
    }
}
