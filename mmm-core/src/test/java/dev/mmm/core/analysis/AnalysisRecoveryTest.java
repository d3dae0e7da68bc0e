package dev.mmm.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.simulate.DemoData;
import dev.mmm.core.simulate.Simulation;
import dev.mmm.sampler.SamplerSettings;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The done-when of posterior analysis on simulated data with known truth: 90% intervals of each
 * channel's contribution and ROAS cover the truth in at least 85% of channel x seed cases, and a
 * 26-week holdout is covered by the posterior predictive 90% interval in 75-100% of its weeks.
 */
class AnalysisRecoveryTest {

    private static final SamplerSettings SETTINGS = SamplerSettings.builder().chains(2).warmup(400).draws(300).build();

    @Test
    void contributionAndRoasIntervalsCoverTheTruthAcrossSeeds() {
        int cases = 0;
        int contributionCovered = 0;
        int roasCovered = 0;
        StringBuilder misses = new StringBuilder();
        for (long seed = 1; seed <= 6; seed++) {
            Simulation sim = DemoData.generate(seed);
            MmmFit fit = Mmm.fit(sim.spec(), sim.data(), SETTINGS.toBuilder().seed(seed).build());
            PosteriorAnalysis analysis = PosteriorAnalysis.of(fit);
            ChannelTable table = analysis.channels(analysis.all());
            for (String channel : sim.spec().channelNames()) {
                double contribution = Arrays.stream(sim.channelContributions().get(channel)).sum();
                double spend = Arrays.stream(sim.data().column(channel)).sum();
                ChannelSummary s = table.channel(channel);
                cases++;
                if (s.contribution().covers(contribution)) {
                    contributionCovered++;
                } else {
                    misses.append(String.format(" seed %d %s contribution %.0f not in [%.0f, %.0f];", seed, channel,
                            contribution, s.contribution().q05(), s.contribution().q95()));
                }
                if (s.roas().covers(contribution / spend)) {
                    roasCovered++;
                } else {
                    misses.append(String.format(" seed %d %s roas %.3f not in [%.3f, %.3f];", seed, channel,
                            contribution / spend, s.roas().q05(), s.roas().q95()));
                }
            }
        }
        assertThat(contributionCovered).as("contribution coverage of %d cases:%s", cases, misses)
                .isGreaterThanOrEqualTo((int) Math.ceil(0.85 * cases));
        assertThat(roasCovered).as("ROAS coverage of %d cases:%s", cases, misses)
                .isGreaterThanOrEqualTo((int) Math.ceil(0.85 * cases));
    }

    @Test
    void theHoldoutsWeeksAreCoveredByThePredictiveInterval() {
        Simulation sim = DemoData.generate(11);
        int holdout = 26;
        Dataset all = sim.data();
        Dataset training = all.slice(0, all.rows() - holdout);
        Dataset heldOut = all.slice(all.rows() - holdout, all.rows());
        MmmFit fit = Mmm.fit(sim.spec(), training, SETTINGS.toBuilder().seed(11).build());
        Prediction p = PosteriorAnalysis.of(fit).predict(heldOut, 5, false);
        assertThat(p.dates()).hasSize(holdout);
        assertThat(p.observed()[0]).isEqualTo(heldOut.column(sim.spec().targetColumn())[0]);
        assertThat(p.coverage90()).isBetween(0.75, 1.0);
        // The expected target follows the simulator's noise-free mean closely.
        double[] expected = Arrays.copyOfRange(sim.expectedTarget(), all.rows() - holdout, all.rows());
        int inside = 0;
        for (int t = 0; t < holdout; t++) {
            if (p.predictive().get(t).covers(expected[t])) {
                inside++;
            }
        }
        assertThat(inside).isGreaterThanOrEqualTo(holdout * 3 / 4);
    }
}
