package dev.mmm.sampler.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.sampler.AdaptedState;
import dev.mmm.sampler.GaussianDensity;
import dev.mmm.sampler.Sampler;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.SamplingResult;
import dev.mmm.sampler.WarmStart;
import dev.mmm.sampler.diagnostics.StuckChains.Reason;
import dev.mmm.sampler.diagnostics.StuckChains.StuckChain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-chain reports and the stuck-chain check, on hand-made chains and on real runs. */
class ChainReportTest {

    @Test
    void reportOfAHandMadeChain() {
        ChainReport r = ChainReport.of(3, 0.25, new int[] {1, 2, 3, 10}, new boolean[] {false, true, false, true},
                new double[] {1, 2, 3, 4}, new double[] {-1, -2, -3, -4}, 10);
        assertThat(r.chain()).isEqualTo(3);
        assertThat(r.draws()).isEqualTo(4);
        assertThat(r.stepSize()).isEqualTo(0.25);
        assertThat(r.meanTreeDepth()).isEqualTo(4.0);
        assertThat(r.divergences()).isEqualTo(2);
        assertThat(r.maxTreedepthHits()).isEqualTo(1);
        // Three squared differences of 1, over 4 draws, over the variance 5/3 of 1..4: 0.75 / (5/3).
        assertThat(r.ebfmi()).isCloseTo(0.45, within(1e-15));
        assertThat(r.meanLogDensity()).isEqualTo(-2.5);
        assertThat(r.sdLogDensity()).isCloseTo(Math.sqrt(5.0 / 3.0), within(1e-15));
    }

    @Test
    void reportOfAChainWithoutDrawsIsUndefinedNotAnError() {
        ChainReport r = ChainReport.of(1, 0.3, new int[0], new boolean[0], new double[0], new double[0], 10);
        assertThat(r.draws()).isZero();
        assertThat(r.meanTreeDepth()).isNaN();
        assertThat(r.ebfmi()).isNaN();
        assertThat(r.meanLogDensity()).isNaN();
        assertThat(StuckChains.find(List.of(r, r, r))).isEmpty();
    }

    @Test
    void reportsOfARunAddUpToItsTotals() {
        SamplingResult result = Sampler.sample(GaussianDensity.equicorrelated(4, 0.5),
                SamplerSettings.builder().chains(3).warmup(300).draws(300).seed(5).maxTreeDepth(2).build());
        List<ChainReport> reports = ChainReport.of(result);
        assertThat(reports).extracting(ChainReport::chain).containsExactly(1, 2, 3);
        assertThat(reports.stream().mapToInt(ChainReport::maxTreedepthHits).sum()).isEqualTo(result.maxTreeDepthHits())
                .isPositive();
        assertThat(reports.stream().mapToInt(ChainReport::divergences).sum()).isEqualTo(result.divergences());
        for (ChainReport r : reports) {
            assertThat(r.stepSize()).isEqualTo(result.stepSize()[r.chain() - 1]);
            assertThat(r.meanTreeDepth()).isBetween(1.0, 2.0);
            assertThat(r.ebfmi()).isEqualTo(Diagnostics.ebfmi(result.energy()[r.chain() - 1]));
        }
        assertThat(StuckChains.find(reports)).isEmpty();
    }

    @Test
    void aChainWhoseLogDensityIsFarFromTheOthersIsStuck() {
        List<ChainReport> reports = List.of(lp(1, -10, 2), lp(2, -10.4, 2.2), lp(3, -9.8, 1.9), lp(4, -30, 0.5));
        List<StuckChain> stuck = StuckChains.find(reports);
        assertThat(stuck).hasSize(1);
        StuckChain s = stuck.get(0);
        assertThat(s.chain()).isEqualTo(4);
        assertThat(s.reason()).isEqualTo(Reason.LOG_DENSITY);
        // Median of the means -10.2; typical sd sqrt(median(0.25, 3.61, 4, 4.84)) = sqrt(3.805).
        assertThat(s.reference()).isCloseTo(-10.2, within(1e-12));
        assertThat(s.distance()).isCloseTo(19.8 / Math.sqrt(3.805), within(1e-12));
    }

    @Test
    void chainsThatDifferByLessThanThreeSdsAreNotStuck() {
        assertThat(StuckChains.find(List.of(lp(1, -10, 2), lp(2, -10.4, 2.2), lp(3, -9.8, 1.9), lp(4, -15, 2))))
                .isEmpty();
        // Two chains cannot say which of them is off in lp__ (R-hat does that).
        assertThat(StuckChains.find(List.of(lp(1, -10, 1), lp(2, -100, 1)))).isEmpty();
    }

    @Test
    void aStepSizeUnderAFifthOfTheMedianIsStuck() {
        List<StuckChain> stuck = StuckChains.find(List.of(step(1, 0.5), step(2, 0.45), step(3, 0.55), step(4, 0.05)));
        assertThat(stuck).containsExactly(new StuckChain(4, Reason.STEP_SIZE, 0.05, 0.475, 0.05 / 0.475));
        assertThat(StuckChains.find(List.of(step(1, 0.5), step(2, 0.45), step(3, 0.55), step(4, 0.2)))).isEmpty();
        assertThat(StuckChains.find(List.of(step(1, 0.5), step(2, 0.04)))).extracting(StuckChain::chain)
                .containsExactly(2);
    }

    @Test
    void aRealChainHeldAtATinyStepSizeIsFound() {
        GaussianDensity target = GaussianDensity.equicorrelated(4, 0.5);
        SamplerSettings settings = SamplerSettings.builder().chains(4).warmup(300).draws(300).seed(9).build();
        SamplingResult cold = Sampler.sample(target, settings);
        List<AdaptedState> states = new ArrayList<>(cold.adaptation());
        AdaptedState third = states.get(2);
        states.set(2, new AdaptedState(third.stepSize() / 50, third.inverseMetricDiagonal(), null, third.position()));
        // No warm-up: every chain samples with the step size it was given.
        SamplingResult held = Sampler.sample(target, settings.toBuilder().warmup(0).build(),
                new WarmStart(states, WarmStart.Retune.STEP_SIZE), null, null);
        assertThat(StuckChains.find(ChainReport.of(held))).extracting(StuckChain::chain, StuckChain::reason)
                .contains(org.assertj.core.groups.Tuple.tuple(3, Reason.STEP_SIZE));
        assertThat(StuckChains.find(ChainReport.of(cold))).isEmpty();
    }

    @Test
    void aChainWithManyDivergentDrawsIsStuckEvenWhenItsLogDensityAndStepSizeLookNormal() {
        List<ChainReport> chains = List.of(divergent(1, 0), divergent(2, 3), divergent(3, 300), divergent(4, 9));
        assertThat(StuckChains.find(chains)).containsExactly(new StuckChain(3, Reason.DIVERGENCES, 300, 1000, 0.3));
        // 9 of 100 is over 5% but under the minimum of 10; 10 of 1000 is the minimum but only 1%.
        assertThat(StuckChains.find(List.of(new ChainReport(1, 100, 0.5, 3, 9, 0, 1.0, -10, 1),
                divergent(2, 10), divergent(3, 50)))).isEmpty();
    }

    private static ChainReport divergent(int chain, int divergences) {
        return new ChainReport(chain, 1000, 0.5, 3, divergences, 0, 1.0, -10, 1);
    }

    private static ChainReport lp(int chain, double mean, double sd) {
        return new ChainReport(chain, 100, 0.5, 3, 0, 0, 1.0, mean, sd);
    }

    private static ChainReport step(int chain, double stepSize) {
        return new ChainReport(chain, 100, stepSize, 3, 0, 0, 1.0, -10, 1);
    }
}
