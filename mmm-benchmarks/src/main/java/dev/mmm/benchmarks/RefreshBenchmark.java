package dev.mmm.benchmarks;

import dev.mmm.core.analysis.Refresh;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.simulate.DemoData;
import dev.mmm.core.simulate.Simulation;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.diagnostics.ParameterSummary;
import java.util.Locale;

/**
 * A refresh with 8 new weeks against a cold fit of the same data: max R-hat, min bulk ESS,
 * gradient evaluations and wall time, per seed, on the demo data (156 weeks, 5 channels):
 *
 * <pre>
 * mvn -q -pl mmm-benchmarks -am package -DskipTests
 * java -cp mmm-benchmarks/target/benchmarks.jar dev.mmm.benchmarks.RefreshBenchmark 1 2 3 4 5
 * </pre>
 */
public final class RefreshBenchmark {

    private RefreshBenchmark() {
    }

    public static void main(String[] args) {
        String[] seeds = args.length > 0 ? args : new String[] {"1", "2", "3"};
        System.out.println("| seed | run | warm-up | max R-hat | min bulk ESS | gradients | wall s |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String s : seeds) {
            long seed = Long.parseLong(s);
            Simulation sim = DemoData.generate(seed);
            Dataset all = sim.data();
            Dataset before = all.slice(0, all.rows() - 8);
            SamplerSettings cold = SamplerSettings.builder().chains(4).warmup(1000).draws(1000).seed(seed).build();
            MmmFit previous = Mmm.fit(sim.spec(), before, cold);
            MmmFit coldNew = Mmm.fit(sim.spec(), all, cold.toBuilder().seed(seed + 100).build());
            row(seed, "cold, 156 weeks", 1000, coldNew);
            for (int warmup : new int[] {250, 500}) {
                SamplerSettings warm = cold.toBuilder().warmup(warmup).seed(seed + 200).build();
                MmmFit refreshed = Mmm.fit(sim.spec(), all, warm, Refresh.warmStart(previous, all, 4), null, null);
                row(seed, "refresh from 148 weeks", warmup, refreshed);
            }
        }
    }

    private static void row(long seed, String run, int warmup, MmmFit fit) {
        double rhat = 0;
        double ess = Double.POSITIVE_INFINITY;
        for (ParameterSummary p : fit.summary()) {
            rhat = Math.max(rhat, p.rhat());
            ess = Math.min(ess, p.essBulk());
        }
        System.out.printf(Locale.ROOT, "| %d | %s | %d | %.4f | %.0f | %d | %.1f |%n", seed, run, warmup, rhat, ess,
                fit.posterior().run().gradientEvaluations(), fit.posterior().run().wallSeconds());
    }
}
