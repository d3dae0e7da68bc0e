package dev.mmm.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Reproducibility, cancellation, bad densities and bad input. */
class SamplerBehaviourTest {

    private static final SamplerSettings SMALL = SamplerSettings.builder().chains(4).warmup(200).draws(200).build();

    @Test
    void sameSeedGivesBitIdenticalDrawsWhateverTheThreadCount() {
        GaussianDensity target = GaussianDensity.equicorrelated(5, 0.5);
        SamplingResult oneThread = Sampler.sample(target, SMALL.toBuilder().seed(7).threads(1).build());
        SamplingResult fourThreads = Sampler.sample(target, SMALL.toBuilder().seed(7).threads(4).build());
        assertThat(Arrays.deepEquals(oneThread.positions(), fourThreads.positions())).isTrue();
        assertThat(Arrays.deepEquals(oneThread.treeDepth(), fourThreads.treeDepth())).isTrue();
        assertThat(Arrays.deepEquals(oneThread.energy(), fourThreads.energy())).isTrue();
        assertThat(oneThread.stepSize()).isEqualTo(fourThreads.stepSize());
        assertThat(oneThread.gradientEvaluations()).isEqualTo(fourThreads.gradientEvaluations());
    }

    @Test
    void differentSeedsAndDifferentChainsGiveDifferentDraws() {
        GaussianDensity target = GaussianDensity.equicorrelated(5, 0.5);
        SamplingResult a = Sampler.sample(target, SMALL.toBuilder().seed(7).build());
        SamplingResult b = Sampler.sample(target, SMALL.toBuilder().seed(8).build());
        assertThat(Arrays.deepEquals(a.positions(), b.positions())).isFalse();
        assertThat(a.positions()[0][0]).isNotEqualTo(a.positions()[1][0]);
        assertThat(a.positions()[0][199]).isNotEqualTo(a.positions()[1][199]);
    }

    @Test
    void cancellationReturnsTheDrawsSoFarMarkedIncomplete() {
        CancellationToken token = new CancellationToken();
        ProgressListener cancelAfterTenDraws = (chain, iteration, phase, divergences) -> {
            if (phase == Phase.SAMPLING && iteration == 10) {
                token.cancel();
            }
        };
        SamplingResult result = Sampler.sample(DiagonalGaussianDensity.standard(3),
                SMALL.toBuilder().threads(1).build(), (double[][]) null, cancelAfterTenDraws, token);
        assertThat(result.complete()).isFalse();
        assertThat(result.drawsPerChain()).isEqualTo(200);
        assertThat(result.drawsCompleted()).containsExactly(10, 0, 0, 0);
        assertThat(result.positions()[0]).hasNumberOfRows(10);
        assertThat(result.positions()[1]).isEmpty();
        assertThat(result.logDensity()[0]).hasSize(10);
        assertThat(result.acceptance()[0]).hasSize(10);
        assertThat(Arrays.stream(result.positions()[0][9]).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void cancellationWithParallelChainsStopsEveryChain() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        SamplingResult result = Sampler.sample(DiagonalGaussianDensity.standard(3), SMALL.toBuilder().threads(2).build(),
                (double[][]) null, null, token);
        assertThat(result.complete()).isFalse();
        assertThat(result.drawsCompleted()).containsExactly(0, 0, 0, 0);
    }

    @Test
    void progressListenerSeesEveryIterationOfEveryChain() {
        AtomicInteger warmup = new AtomicInteger();
        AtomicInteger sampling = new AtomicInteger();
        Sampler.sample(DiagonalGaussianDensity.standard(2), SMALL, (double[][]) null, (chain, iteration, phase, divergences) -> {
            (phase == Phase.WARMUP ? warmup : sampling).incrementAndGet();
        }, null);
        assertThat(warmup.get()).isEqualTo(4 * 200);
        assertThat(sampling.get()).isEqualTo(4 * 200);
    }

    @Test
    void nanRegionGivesDivergencesNotAnException() {
        // A standard normal that is NaN beyond q0 = 1: NUTS must treat it as a divergence.
        LogDensity truncated = new LogDensity() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double logDensityAndGradient(double[] q, double[] g) {
                g[0] = -q[0];
                g[1] = -q[1];
                return q[0] > 1 ? Double.NaN : -0.5 * (q[0] * q[0] + q[1] * q[1]);
            }
        };
        double[][] starts = {{0, 0}, {-1, 0.5}, {0.5, -0.5}, {-0.5, 1}};
        SamplingResult result = Sampler.sample(truncated, SMALL, starts, null, null);
        assertThat(result.complete()).isTrue();
        assertThat(result.divergences()).isPositive();
        for (double[][] chain : result.positions()) {
            for (double[] draw : chain) {
                assertThat(draw[0]).isLessThanOrEqualTo(1.0);
            }
        }
        for (double[] chain : result.logDensity()) {
            assertThat(Arrays.stream(chain).allMatch(Double::isFinite)).isTrue();
        }
    }

    @Test
    void densityThatIsMinusInfinityEverywhereGivesTheInitialisationError() {
        LogDensity nowhere = new LogDensity() {
            @Override
            public int dimension() {
                return 3;
            }

            @Override
            public double logDensityAndGradient(double[] q, double[] g) {
                Arrays.fill(g, 0);
                return Double.NEGATIVE_INFINITY;
            }
        };
        assertThatThrownBy(() -> Sampler.sample(nowhere, SMALL))
                .isInstanceOf(SamplerException.class)
                .hasMessageContaining("could not find a finite log density in 100 tries at random points in (-2, 2)^3")
                .hasMessageContaining("last value: -Infinity");
    }

    @Test
    void logDensityExceptionPropagatesWithItsMessage() {
        LogDensity failing = FailingGaussian.after(500);
        assertThatThrownBy(() -> Sampler.sample(failing, SMALL.toBuilder().threads(2).build()))
                .isInstanceOf(LogDensityException.class)
                .hasMessage(FailingGaussian.MESSAGE);
    }

    @Test
    void userInitialPositionsAreUsed() {
        // Far from the mode, one shallow transition cannot get back: the draw stays near the given start.
        double[][] starts = {{50, 50}, {-50, -50}};
        SamplingResult result = Sampler.sample(DiagonalGaussianDensity.standard(2),
                SamplerSettings.builder().chains(2).warmup(0).draws(1).maxTreeDepth(1).build(), starts, null, null);
        assertThat(result.positions()[0][0][0]).isGreaterThan(40);
        assertThat(result.positions()[1][0][0]).isLessThan(-40);
    }

    @Test
    void initialPositionsOfTheWrongShapeAreRejectedByName() {
        assertThatThrownBy(() -> Sampler.sample(DiagonalGaussianDensity.standard(2), SMALL,
                new double[][] {{0, 0}, {0, 0}, {0}, {0, 0}}, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("initialPositions[2] has 1 values, expected 2");
        assertThatThrownBy(() -> Sampler.sample(DiagonalGaussianDensity.standard(2), SMALL,
                new double[][] {{0, 0}}, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected one per chain (4)");
    }

    @Test
    void resultCountsAndSummariesAreConsistent() {
        SamplingResult result = Sampler.sample(DiagonalGaussianDensity.standard(4), SMALL);
        assertThat(result.chains()).isEqualTo(4);
        assertThat(result.dimension()).isEqualTo(4);
        assertThat(result.drawsCompleted()).containsExactly(200, 200, 200, 200);
        long leapfrogs = Arrays.stream(result.leapfrogSteps()).flatMapToInt(Arrays::stream).asLongStream().sum();
        // Sampling leapfrogs are part of the gradient count, with warm-up, initialisation and step-size searches.
        assertThat(result.gradientEvaluations()).isGreaterThan(leapfrogs + 4 * 200);
        assertThat(Arrays.stream(result.stepSize()).allMatch(e -> e > 0.1 && e < 3)).isTrue();
        for (double[] diagonal : result.inverseMetricDiagonal()) {
            assertThat(Arrays.stream(diagonal).allMatch(v -> v > 0.25 && v < 4)).as(Arrays.toString(diagonal)).isTrue();
        }
        assertThat(result.maxTreeDepthHits()).isZero();
        assertThat(result.wallSeconds()).isPositive();
        for (int c = 0; c < 4; c++) {
            for (int d = 0; d < 200; d++) {
                assertThat(result.leapfrogSteps()[c][d]).isBetween(1, (1 << result.treeDepth()[c][d] + 1) - 1);
                assertThat(result.acceptance()[c][d]).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void everyChainGetsItsOwnCopyOfTheDensity() {
        java.util.Set<Thread> threadsSeen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicInteger copies = new AtomicInteger();
        AtomicInteger sharedUse = new AtomicInteger();
        class PerThreadDensity implements LogDensity {
            private volatile Thread owner;

            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double logDensityAndGradient(double[] q, double[] g) {
                Thread current = Thread.currentThread();
                if (owner == null) {
                    owner = current;
                } else if (owner != current) {
                    sharedUse.incrementAndGet();
                }
                threadsSeen.add(current);
                g[0] = -q[0];
                g[1] = -q[1];
                return -0.5 * (q[0] * q[0] + q[1] * q[1]);
            }

            @Override
            public LogDensity copyForChain() {
                copies.incrementAndGet();
                return new PerThreadDensity();
            }
        }
        Sampler.sample(new PerThreadDensity(), SMALL.toBuilder().threads(4).build());
        assertThat(copies.get()).isEqualTo(4);
        assertThat(sharedUse.get()).isZero();
        assertThat(threadsSeen).hasSizeGreaterThan(1);
    }

    @Test
    void maxTreeDepthIsRespectedAndCounted() {
        SamplingResult result = Sampler.sample(DiagonalGaussianDensity.logSpacedScales(10, 0.01, 100),
                SamplerSettings.builder().chains(1).warmup(0).draws(50).maxTreeDepth(3).metric(Metric.UNIT).build());
        assertThat(Arrays.stream(result.treeDepth()[0]).max().getAsInt()).isEqualTo(3);
        assertThat(result.maxTreeDepthHits()).isPositive()
                .isEqualTo((int) Arrays.stream(result.treeDepth()[0]).filter(d -> d == 3).count());
    }

    @Test
    void settingsRejectOutOfRangeValuesByName() {
        assertThatThrownBy(() -> SamplerSettings.builder().chains(0).build()).hasMessageContaining("chains");
        assertThatThrownBy(() -> SamplerSettings.builder().targetAcceptance(1).build())
                .hasMessageContaining("targetAcceptance");
        assertThatThrownBy(() -> SamplerSettings.builder().maxTreeDepth(0).build()).hasMessageContaining("maxTreeDepth");
        SamplerSettings defaults = SamplerSettings.defaults();
        assertThat(defaults.chains()).isEqualTo(4);
        assertThat(defaults.warmup()).isEqualTo(SamplerSettings.DEFAULT_WARMUP).isEqualTo(750);
        assertThat(defaults.draws()).isEqualTo(SamplerSettings.DEFAULT_DRAWS).isEqualTo(1250);
        assertThat(defaults.seed()).isEqualTo(1);
        assertThat(defaults.threads()).isZero();
        assertThat(defaults.maxTreeDepth()).isEqualTo(10);
        assertThat(defaults.targetAcceptance()).isEqualTo(0.9);
        assertThat(defaults.metric()).isEqualTo(Metric.DIAGONAL);
        assertThat(defaults.initRadius()).isEqualTo(2);
    }
}
