package dev.mmm.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The opt-in shared warm-up ({@link SamplerSettings#sharedWarmup()}). */
class SharedWarmupTest {

    private static final SamplerSettings SHARED = SamplerSettings.builder().chains(4).warmup(200).draws(200)
            .sharedWarmup(true).build();

    @Test
    void sameSeedGivesBitIdenticalDrawsWithOneTwoAndFourThreads() {
        GaussianDensity target = GaussianDensity.equicorrelated(5, 0.5);
        SamplingResult one = Sampler.sample(target, SHARED.toBuilder().seed(7).threads(1).build());
        for (int threads : new int[] {2, 4}) {
            SamplingResult other = Sampler.sample(target, SHARED.toBuilder().seed(7).threads(threads).build());
            assertThat(Arrays.deepEquals(one.positions(), other.positions())).as("%d threads", threads).isTrue();
            assertThat(Arrays.deepEquals(one.energy(), other.energy())).as("%d threads", threads).isTrue();
            assertThat(one.stepSize()).isEqualTo(other.stepSize());
            assertThat(one.inverseMetricDiagonal()).isDeepEqualTo(other.inverseMetricDiagonal());
            assertThat(one.gradientEvaluations()).isEqualTo(other.gradientEvaluations());
        }
    }

    @Test
    void everyChainEndsWarmupWithTheSameMetricAndStepSizeWhichTheDefaultDoesNot() {
        DiagonalGaussianDensity target = DiagonalGaussianDensity.logSpacedScales(4, 0.1, 10);
        SamplerSettings settings = SamplerSettings.builder().seed(31).draws(3).build();
        SamplingResult own = Sampler.sample(target, settings);
        SamplingResult shared = Sampler.sample(target, settings.toBuilder().sharedWarmup(true).build());

        assertThat(own.stepSize()[1]).isNotEqualTo(own.stepSize()[0]);
        assertThat(own.inverseMetricDiagonal()[1]).isNotEqualTo(own.inverseMetricDiagonal()[0]);
        for (int c = 1; c < 4; c++) {
            assertThat(shared.stepSize()[c]).as("step size of chain %d", c).isEqualTo(shared.stepSize()[0]);
            assertThat(shared.inverseMetricDiagonal()[c]).as("metric of chain %d", c)
                    .containsExactly(shared.inverseMetricDiagonal()[0]);
        }
        // The pooled last window has four times the draws: the metric is near the true variances.
        for (int i = 0; i < 4; i++) {
            double truth = target.sd(i) * target.sd(i);
            assertThat(shared.inverseMetricDiagonal()[0][i] / truth).as("metric / variance, coordinate %d", i)
                    .isBetween(0.8, 1.25);
        }
        double[] sorted = own.stepSize().clone();
        Arrays.sort(sorted);
        assertThat(shared.stepSize()[0]).isBetween(sorted[0] * 0.7, sorted[3] * 1.3);
    }

    @Test
    void matchesAKnownIllConditionedDiagonalGaussian() {
        DiagonalGaussianDensity target = DiagonalGaussianDensity.logSpacedScales(20, 1e-3, 1e3);
        SamplingResult result = Sampler.sample(target,
                SamplerSettings.builder().seed(13).threads(2).sharedWarmup(true).build());
        PosteriorCheck.assertMatches("scales 1e-3..1e3, shared warm-up", result, target::mean, target::sd);
    }

    @Test
    void matchesAKnownCorrelatedGaussian() {
        EquicorrelatedGaussianDensity target = new EquicorrelatedGaussianDensity(10, 0.5);
        SamplingResult result = Sampler.sample(target, SamplerSettings.builder().seed(14).sharedWarmup(true).build());
        PosteriorCheck.assertMatches("equicorrelated 10-d rho 0.5, shared warm-up", result, i -> 0.0, i -> 1.0);
    }

    @Test
    void matchesTheClosedFormPosteriorOfAConjugateRegression() {
        ConjugateLinearRegression target = new ConjugateLinearRegression(100, 5, 1.5, 10, 42);
        SamplingResult result = Sampler.sample(target,
                SamplerSettings.builder().seed(21).threads(1).sharedWarmup(true).build());
        PosteriorCheck.assertMatches("conjugate regression, shared warm-up", result, target::posteriorMean,
                target::posteriorSd);
    }

    @Test
    void cancellationDuringWarmupStopsEveryChainWithOneThread() {
        CancellationToken token = new CancellationToken();
        // Iteration 120 lies after the first window's meeting (iteration 100) and before the second.
        ProgressListener cancelInWarmup = (chain, iteration, phase, divergences) -> {
            if (phase == Phase.WARMUP && iteration == 120) {
                token.cancel();
            }
        };
        SamplingResult result = Sampler.sample(DiagonalGaussianDensity.standard(3), SHARED.toBuilder().threads(1)
                .build(), (double[][]) null, cancelInWarmup, token);
        assertThat(result.complete()).isFalse();
        assertThat(result.drawsCompleted()).containsExactly(0, 0, 0, 0);
    }

    @Test
    void progressListenerSeesEveryIterationOfEveryChain() {
        AtomicInteger warmup = new AtomicInteger();
        AtomicInteger sampling = new AtomicInteger();
        Sampler.sample(DiagonalGaussianDensity.standard(2), SHARED.toBuilder().threads(2).build(), (double[][]) null,
                (chain, iteration, phase, divergences) -> (phase == Phase.WARMUP ? warmup : sampling)
                        .incrementAndGet(), null);
        assertThat(warmup.get()).isEqualTo(4 * 200);
        assertThat(sampling.get()).isEqualTo(4 * 200);
    }

    @Test
    void aChainThatFailsDoesNotLeaveTheOthersWaiting() {
        LogDensity failing = FailingGaussian.after(500);
        assertThatThrownBy(() -> Sampler.sample(failing, SHARED.toBuilder().threads(1).build()))
                .isInstanceOf(LogDensityException.class)
                .hasMessage(FailingGaussian.MESSAGE);
    }

    @Test
    void theMeetingPoolsInChainOrderWithFewerPermitsThanChainsAndWithoutChainsThatLeft() throws Exception {
        SharedWarmup meeting = new SharedWarmup(4, 1);
        double[] pooled = new double[4];
        // One permit for four chains; chain 3 (step size NaN) leaves without meeting.
        runChains(meeting, new int[] {0, 1, 2, 3}, new double[] {0.1, 0.4, 0.2, Double.NaN}, pooled);
        // The median of 0.1, 0.4 and 0.2.
        assertThat(pooled[0]).isEqualTo(0.2, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(pooled[1]).isEqualTo(pooled[0]);
        assertThat(pooled[2]).isEqualTo(pooled[0]);
    }

    @Test
    void aChainInterruptedWhileWaitingWithdrawsItsContribution() throws Exception {
        SharedWarmup meeting = new SharedWarmup(3, 3);
        AtomicInteger interrupted = new AtomicInteger();
        Thread first = new Thread(() -> {
            try {
                meeting.enter(0);
                meeting.pooledStepSize(0, 0.1);
            } catch (InterruptedException | SamplerException e) {
                interrupted.incrementAndGet();
            } finally {
                meeting.leave(0);
            }
        });
        first.start();
        while (first.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
        first.interrupt();
        first.join();
        double[] pooled = new double[3];
        runChains(meeting, new int[] {1, 2}, new double[] {Double.NaN, 0.4, 0.2}, pooled);
        assertThat(interrupted.get()).isEqualTo(1);
        // The geometric mean of 0.4 and 0.2 alone: chain 0's 0.1 left with it.
        assertThat(pooled[1]).isEqualTo(Math.sqrt(0.08), org.assertj.core.data.Offset.offset(1e-15));
        assertThat(pooled[2]).isEqualTo(pooled[1]);
    }

    @Test
    void warmStartsAndOtherMetricsAreRefusedByName() {
        SamplingResult cold = Sampler.sample(DiagonalGaussianDensity.standard(2), SamplerSettings.builder().chains(2)
                .warmup(100).draws(50).build());
        assertThatThrownBy(() -> Sampler.sample(DiagonalGaussianDensity.standard(2), SamplerSettings.builder()
                .chains(2).warmup(100).draws(50).sharedWarmup(true).build(), WarmStart.from(cold), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sharedWarmup");
        assertThatThrownBy(() -> SamplerSettings.builder().metric(Metric.DENSE).sharedWarmup(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sharedWarmup needs metric DIAGONAL");
        assertThatThrownBy(() -> SamplerSettings.builder().warmupSchedule(WarmupSchedule.SWITCHING_WINDOWS)
                .sharedWarmup(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("STAN_WINDOWS");
        assertThat(SamplerSettings.defaults().sharedWarmup()).isFalse();
        assertThat(SamplerSettings.builder().sharedWarmup(true).build().toBuilder().build().sharedWarmup()).isTrue();
    }

    /**
     * Runs each of {@code chains} on its own thread through the meeting: enter, hand in
     * {@code stepSizes[chain]} (a NaN step size leaves without meeting), leave; the pooled step
     * size goes to {@code pooled[chain]}.
     */
    private static void runChains(SharedWarmup meeting, int[] chains, double[] stepSizes, double[] pooled)
            throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int chain : chains) {
            threads.add(new Thread(() -> {
                try {
                    meeting.enter(chain);
                    if (!Double.isNaN(stepSizes[chain])) {
                        pooled[chain] = meeting.pooledStepSize(chain, stepSizes[chain]);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    meeting.leave(chain);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
    }
}
