package dev.mmm.benchmarks;

import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.optimize.AllocationResult;
import dev.mmm.core.optimize.BudgetOptimizer;
import dev.mmm.core.optimize.BudgetProblem;
import dev.mmm.core.optimize.ChannelBound;
import dev.mmm.core.optimize.PlanningWindow;
import dev.mmm.core.optimize.PosteriorDraws;
import dev.mmm.core.simulate.DemoData;
import dev.mmm.core.simulate.Simulation;
import dev.mmm.sampler.SamplerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Does the optimiser's allocation, found on a fitted posterior, pay off under the TRUE response
 * curves? For each seed: simulate the demo data (known truth), fit the default model, optimise a
 * 13-week budget (the reference window's total) on the posterior, and judge the allocation with
 * the simulator's true parameters: the share of the true optimum's uplift over the current mix
 * that the fitted allocation recovers, {@code (T(fit) - T(current)) / (T(true optimum) - T(current))}
 * with T the true incremental target. Two bound settings: free, and each channel within 0.5x..2x
 * of its reference spend.
 *
 * <p>{@code java -cp mmm-benchmarks/target/benchmarks.jar dev.mmm.benchmarks.OptimizerRecovery
 * [seeds, default 1,2,3,4,5] [chains] [warmup] [draws]}
 */
public final class OptimizerRecovery {

    private static final int PERIODS = 13;

    private OptimizerRecovery() {
    }

    public static void main(String[] args) {
        String[] seeds = (args.length > 0 ? args[0] : "1,2,3,4,5").split(",");
        int chains = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int draws = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        System.out.printf(Locale.ROOT, "%-5s %-8s %12s %12s %12s %8s%n", "seed", "bounds", "T(current)", "T(fit opt)",
                "T(true opt)", "share");
        List<Double> shares = new ArrayList<>();
        for (String s : seeds) {
            long seed = Long.parseLong(s.trim());
            Simulation sim = DemoData.generate(seed);
            MmmFit fit = Mmm.fit(sim.spec(), sim.data(), SamplerSettings.builder().chains(chains).warmup(warmup)
                    .draws(draws).seed(seed).build());
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
            for (String bounds : new String[] {"free", "0.5x:2x"}) {
                BudgetProblem.Builder onFit = BudgetProblem.builder(window, PosteriorDraws.of(fit)).budget(budget);
                BudgetProblem.Builder onTruth = BudgetProblem.builder(window, PosteriorDraws.single(truth)).budget(budget);
                if (!bounds.equals("free")) {
                    for (String c : window.channels()) {
                        onFit.bound(c, ChannelBound.relative(0.5, 2.0));
                        onTruth.bound(c, ChannelBound.relative(0.5, 2.0));
                    }
                }
                AllocationResult fitted = BudgetOptimizer.optimize(onFit.build());
                BudgetOptimizer judge = new BudgetOptimizer(onTruth.build());
                AllocationResult best = judge.optimize();
                double[] x = fitted.allocation().stream().mapToDouble(AllocationResult.ChannelAllocation::optimal)
                        .toArray();
                double current = judge.objective(judge.feasibleCurrent(budget));
                double atFit = judge.objective(x);
                double atTrue = best.objectiveValue().optimal();
                double share = (atFit - current) / (atTrue - current);
                shares.add(share);
                System.out.printf(Locale.ROOT, "%-5d %-8s %12.1f %12.1f %12.1f %7.1f%%%n", seed, bounds, current, atFit,
                        atTrue, 100 * share);
                System.out.printf(Locale.ROOT, "      fitted %s%n      true   %s%n", shares(fitted, budget),
                        shares(best, budget));
            }
        }
        double min = shares.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double mean = shares.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "share of the true uplift recovered: mean %.1f%%, min %.1f%% over %d runs%n",
                100 * mean, 100 * min, shares.size());
    }

    private static String shares(AllocationResult r, double budget) {
        StringBuilder b = new StringBuilder();
        for (AllocationResult.ChannelAllocation a : r.allocation()) {
            b.append(String.format(Locale.ROOT, "%s %.0f%% ", a.channel(), 100 * a.optimal() / budget));
        }
        return b.toString().trim();
    }
}
