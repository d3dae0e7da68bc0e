package dev.mmm.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.ChannelSpec;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.EventSpec;
import dev.mmm.core.model.LikelihoodSpec;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.model.TrendSpec;
import dev.mmm.priors.Gamma;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.SamplingResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Same data, spec and seed give bit-identical draws whatever the thread count, on repeated runs,
 * and when several fits run at once in one JVM; chain copies of a model share no scratch.
 */
class ReproducibilityTest {

    private static final Dataset DATA = ReliabilityData.weekly(40, 7);

    /** Every kind of term, so that every term's copy() is exercised by the chains. */
    static ModelSpec everyTermSpec() {
        return ModelSpec.builder().date("date").target("y")
                .channel(ChannelSpec.of("x1"))
                .channel(ChannelSpec.of("x2").withAdstock("weibull_pdf", 6).withSaturation("hill"))
                .controls("price")
                .yearlySeasonality(2)
                .trend(TrendSpec.piecewise(2))
                .event(EventSpec.gaussian("launch", 10, LocalDate.of(2020, 6, 1)))
                .synergy("x1", "x2")
                .likelihood(LikelihoodSpec.studentT(new Gamma(2, 0.1)))
                .build();
    }

    /** Tiny fits; a tree depth cap keeps a badly adapted short warm-up from costing seconds. */
    static SamplerSettings settings(int chains, int threads, long seed) {
        int iterations = chains == 4 ? 50 : 100;
        return SamplerSettings.builder().chains(chains).warmup(iterations).draws(iterations).seed(seed)
                .threads(threads).maxTreeDepth(6).build();
    }

    static void assertBitIdentical(SamplingResult actual, SamplingResult expected, String what) {
        assertThat(actual.positions()).as(what + ": positions").isDeepEqualTo(expected.positions());
        assertThat(actual.logDensity()).as(what + ": log density").isDeepEqualTo(expected.logDensity());
        assertThat(actual.treeDepth()).as(what + ": tree depth").isDeepEqualTo(expected.treeDepth());
        assertThat(actual.stepSize()).as(what + ": step size").containsExactly(expected.stepSize());
        assertThat(actual.gradientEvaluations()).as(what + ": gradient evaluations")
                .isEqualTo(expected.gradientEvaluations());
    }

    @Test
    void sameSeedGivesBitIdenticalDrawsWithOneTwoAndFourThreadsAndOnRepeat() {
        ModelSpec spec = everyTermSpec();
        SamplingResult one = Mmm.fit(spec, DATA, settings(4, 1, 42)).samplingResult();
        assertThat(one.positions()[0].length).isEqualTo(50);
        assertThat(one.positions()[0][49]).isNotEqualTo(one.positions()[1][49]);
        for (int threads : new int[] {2, 4, 1}) {
            SamplingResult again = Mmm.fit(spec, DATA, settings(4, threads, 42)).samplingResult();
            assertBitIdentical(again, one, threads + " threads");
        }
    }

    @Test
    void threeConcurrentFitsGiveTheSameDrawsAsOneAtATime() throws Exception {
        List<ModelSpec> specs = List.of(everyTermSpec(), ReliabilityData.defaultSpec(), everyTermSpec());
        long[] seeds = {5, 6, 7};
        List<SamplingResult> sequential = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            sequential.add(Mmm.fit(specs.get(k), DATA, settings(2, 2, seeds[k])).samplingResult());
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MmmFit>> futures = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                ModelSpec spec = specs.get(k);
                long seed = seeds[k];
                futures.add(pool.submit(() -> {
                    start.await();
                    return Mmm.fit(spec, DATA, settings(2, 2, seed));
                }));
            }
            start.countDown();
            for (int k = 0; k < 3; k++) {
                assertBitIdentical(futures.get(k).get().samplingResult(), sequential.get(k), "concurrent fit " + k);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void chainCopiesShareNoScratchBuffers() throws Exception {
        CompiledModel model = everyTermSpec().compile(DATA);
        int n = model.dimension();
        int points = 40;
        Random rng = new Random(9);
        double[][] u = new double[points][n];
        double[] expectedValue = new double[points];
        double[][] expectedGradient = new double[points][n];
        for (int p = 0; p < points; p++) {
            for (int i = 0; i < n; i++) {
                u[p][i] = 3 * rng.nextDouble() - 1.5;
            }
            expectedValue[p] = model.logDensityAndGradient(u[p], expectedGradient[p]);
        }
        int copies = 4;
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> mismatches = new ArrayList<>();
            for (int c = 0; c < copies; c++) {
                CompiledModel copy = model.copyForChain();
                assertThat(copy).isNotSameAs(model);
                int offset = c;
                mismatches.add(pool.submit(() -> {
                    start.await();
                    double[] grad = new double[n];
                    int bad = 0;
                    // Each copy walks the points in its own order, so shared scratch would mix them.
                    for (int round = 0; round < 200; round++) {
                        int p = (round * (offset + 1) + offset) % points;
                        double v = copy.logDensityAndGradient(u[p], grad);
                        if (Double.doubleToLongBits(v) != Double.doubleToLongBits(expectedValue[p])
                                || !java.util.Arrays.equals(grad, expectedGradient[p])) {
                            bad++;
                        }
                    }
                    return bad;
                }));
            }
            start.countDown();
            for (Future<Integer> f : mismatches) {
                assertThat(f.get()).as("evaluations differing from the single-threaded ones").isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
