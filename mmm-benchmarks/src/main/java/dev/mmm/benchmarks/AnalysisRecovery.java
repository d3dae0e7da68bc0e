package dev.mmm.benchmarks;

import dev.mmm.core.analysis.ChannelSummary;
import dev.mmm.core.analysis.ChannelTable;
import dev.mmm.core.analysis.PosteriorAnalysis;
import dev.mmm.core.analysis.Prediction;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.simulate.DemoData;
import dev.mmm.core.simulate.Simulation;
import dev.mmm.sampler.SamplerSettings;
import java.util.Arrays;
import java.util.Locale;

/**
 * Coverage of the true contribution and ROAS of every channel by their 90% intervals, and of a
 * 26-week holdout by the posterior predictive 90% interval, over seeds of the demo data
 * (156 weeks, 5 channels), at the CLI's default 4 x (1000 + 1000):
 *
 * <pre>
 * java -cp mmm-benchmarks/target/benchmarks.jar dev.mmm.benchmarks.AnalysisRecovery 1 2 3 4 5 6 7 8
 * </pre>
 */
public final class AnalysisRecovery {

    private AnalysisRecovery() {
    }

    public static void main(String[] args) {
        String[] seeds = args.length > 0 ? args : new String[] {"1", "2", "3"};
        SamplerSettings settings = SamplerSettings.builder().chains(4).warmup(1000).draws(1000).build();
        int cases = 0;
        int contribution = 0;
        int roas = 0;
        System.out.println("| seed | channel | true ROAS | ROAS 90% interval | covered | true contribution | contribution 90% interval | covered |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        StringBuilder holdouts = new StringBuilder();
        for (String s : seeds) {
            long seed = Long.parseLong(s);
            Simulation sim = DemoData.generate(seed);
            MmmFit fit = Mmm.fit(sim.spec(), sim.data(), settings.toBuilder().seed(seed).build());
            PosteriorAnalysis analysis = PosteriorAnalysis.of(fit);
            ChannelTable table = analysis.channels(analysis.all());
            for (String channel : sim.spec().channelNames()) {
                double truth = Arrays.stream(sim.channelContributions().get(channel)).sum();
                double spend = Arrays.stream(sim.data().column(channel)).sum();
                ChannelSummary c = table.channel(channel);
                boolean r = c.roas().covers(truth / spend);
                boolean k = c.contribution().covers(truth);
                cases++;
                roas += r ? 1 : 0;
                contribution += k ? 1 : 0;
                System.out.printf(Locale.ROOT, "| %d | %s | %.3f | [%.3f, %.3f] | %s | %.0f | [%.0f, %.0f] | %s |%n", seed, channel,
                        truth / spend, c.roas().q05(), c.roas().q95(), r ? "yes" : "no", truth, c.contribution().q05(),
                        c.contribution().q95(), k ? "yes" : "no");
            }
            Dataset all = sim.data();
            MmmFit train = Mmm.fit(sim.spec(), all.slice(0, all.rows() - 26), settings.toBuilder().seed(seed).build());
            Prediction p = PosteriorAnalysis.of(train).predict(all.slice(all.rows() - 26, all.rows()), seed, false);
            holdouts.append(String.format(Locale.ROOT, "| %d | %.0f%% |%n", seed, 100 * p.coverage90()));
        }
        System.out.printf(Locale.ROOT, "%nROAS covered in %d of %d channel x seed cases (%.0f%%); contribution in %d (%.0f%%)%n",
                roas, cases, 100.0 * roas / cases, contribution, 100.0 * contribution / cases);
        System.out.println();
        System.out.println("| seed | 26-week holdout inside the 90% predictive interval |");
        System.out.println("|---|---|");
        System.out.print(holdouts);
    }
}
