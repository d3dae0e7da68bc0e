package dev.mmm.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.sampler.CancellationToken;
import dev.mmm.sampler.Phase;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.diagnostics.ParameterSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fit cancelled from its progress listener returns the draws so far, marked incomplete, with a summary of them. */
class CancellationTest {

    private static final Dataset DATA = ReliabilityData.weekly(40, 2);

    private static SamplerSettings settings(int threads) {
        return SamplerSettings.builder().chains(2).warmup(100).draws(100).seed(8).threads(threads).build();
    }

    @Test
    void cancelledDuringSamplingReturnsTheDrawsSoFarMarkedIncompleteWithASummaryOverThem() {
        CancellationToken token = new CancellationToken();
        MmmFit fit = Mmm.fit(ReliabilityData.defaultSpec(), DATA, settings(1), (chain, iteration, phase, div) -> {
            if (chain == 0 && phase == Phase.SAMPLING && iteration == 30) {
                token.cancel();
            }
        }, token);

        assertThat(fit.samplingResult().complete()).isFalse();
        // One thread: chain 0 stops after its 30th draw, chain 1 stops before its first iteration.
        assertThat(fit.samplingResult().drawsCompleted()).containsExactly(30, 0);
        assertThat(fit.drawCount()).isEqualTo(30);
        List<ParameterSummary> summary = fit.summary();
        assertThat(summary).extracting(ParameterSummary::name).containsExactlyElementsOf(fit.parameterNames());
        for (ParameterSummary p : summary) {
            double[] draws = fit.parameterDraws(p.name())[0];
            double mean = java.util.Arrays.stream(draws).average().orElseThrow();
            assertThat(p.mean()).as(p.name()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12 * (1 + Math.abs(mean))));
            assertThat(p.q05()).as(p.name()).isLessThanOrEqualTo(p.q95());
            assertThat(p.rhat()).as(p.name()).isFinite();
        }
    }

    @Test
    void cancelledOnTwoThreadsSummarisesTheDrawsOfEveryChainThatHasSome() {
        CancellationToken token = new CancellationToken();
        MmmFit fit = Mmm.fit(ReliabilityData.defaultSpec(), DATA, settings(2), (chain, iteration, phase, div) -> {
            if (phase == Phase.SAMPLING && iteration == 40) {
                token.cancel();
            }
        }, token);

        int[] done = fit.samplingResult().drawsCompleted();
        assertThat(fit.samplingResult().complete()).isFalse();
        assertThat(done[0] + done[1]).isGreaterThanOrEqualTo(40).isLessThan(200);
        assertThat(fit.drawCount()).isEqualTo(done[0] + done[1]);
        assertThat(fit.summary()).hasSize(fit.parameterNames().size())
                .allSatisfy(p -> assertThat(p.mean()).isFinite());
    }

    @Test
    void cancelledDuringWarmupHasNoDrawsAndASummaryOfNothing() {
        CancellationToken token = new CancellationToken();
        MmmFit fit = Mmm.fit(ReliabilityData.defaultSpec(), DATA, settings(1), (chain, iteration, phase, div) -> {
            if (phase == Phase.WARMUP && iteration == 10) {
                token.cancel();
            }
        }, token);

        assertThat(fit.samplingResult().complete()).isFalse();
        assertThat(fit.drawCount()).isZero();
        assertThat(fit.summary()).extracting(ParameterSummary::name).containsExactlyElementsOf(fit.parameterNames());
        assertThat(fit.summary()).allSatisfy(p -> assertThat(p.mean()).isNaN());
    }
}
