package dev.mmm.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.simulate.DemoData;
import dev.mmm.core.simulate.Simulation;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.WarmStart;
import dev.mmm.sampler.diagnostics.ParameterSummary;
import org.junit.jupiter.api.Test;

/** A refit on 8 more weeks, warm-started with half the warm-up, mixes and reports no false drift. */
class RefreshTest {

    @Test
    void aWarmStartedRefitWithHalfTheWarmupMixesAndAgreesWithThePreviousFit() {
        Simulation sim = DemoData.generate(31);
        Dataset all = sim.data();
        Dataset before = all.slice(0, all.rows() - 8);
        SamplerSettings cold = SamplerSettings.builder().chains(4).warmup(500).draws(1000).seed(1).build();
        MmmFit previous = Mmm.fit(sim.spec(), before, cold);

        // 1000 draws: with 500, R-hat of the slowest channel (display) itself wanders about 1.01.
        SamplerSettings warm = cold.toBuilder().warmup(cold.warmup() / 2).seed(2).build();
        WarmStart start = Refresh.warmStart(previous, all, warm.chains());
        MmmFit refreshed = Mmm.fit(sim.spec(), all, warm, start, null, null);
        double worst = 0;
        for (ParameterSummary p : refreshed.summary()) {
            worst = Math.max(worst, p.rhat());
        }
        assertThat(worst).as("max R-hat of the refresh").isLessThan(1.01);
        assertThat(refreshed.model().rows()).isEqualTo(all.rows());

        Refresh.DriftReport drift = Refresh.drift(previous, refreshed);
        assertThat(drift.channels()).hasSize(DemoData.CHANNELS.size());
        assertThat(drift.from()).isEqualTo(before.date(0));
        assertThat(drift.to()).isEqualTo(before.date(before.rows() - 1));
        // Same process, 8 more weeks: at most one channel's estimate may leave its old interval by chance.
        assertThat(drift.movedChannels()).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void newDataWithoutAFittedChannelIsRefusedNamingIt() {
        Simulation sim = DemoData.generate(32);
        MmmFit previous = Mmm.fit(sim.spec(), sim.data(), SamplerSettings.builder().chains(1).warmup(50).draws(20).build());
        java.util.Map<String, double[]> columns = new java.util.LinkedHashMap<>();
        for (String c : sim.data().columnNames()) {
            if (!c.equals("radio")) {
                columns.put(c, sim.data().column(c));
            }
        }
        Dataset withoutRadio = Dataset.of(DemoData.DATE, sim.data().dates(), columns);
        assertThatThrownBy(() -> Refresh.warmStart(previous, withoutRadio, 2))
                .isInstanceOf(dev.mmm.core.data.DataException.class).hasMessageContaining("'radio'");
        // More chains than the previous fit had: its chains are reused in turn.
        assertThat(Refresh.warmStart(previous, sim.data(), 3).chains()).hasSize(3);
    }
}
