package dev.mmm.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Adaptation out of a run and back into a warm-started one, on correlated Gaussians whose means
 * and sds are known: the target a cold fit adapted to, and a shifted, narrower one (a refit on
 * more data).
 */
class WarmStartTest {

    private static final int DIMENSION = 6;
    private static final SamplerSettings COLD = SamplerSettings.builder().chains(4).warmup(1000).draws(1000).seed(11)
            .build();
    /** A quarter of the cold warm-up. */
    private static final SamplerSettings WARM = COLD.toBuilder().warmup(250).seed(12).build();

    private static GaussianDensity original;
    private static GaussianDensity shifted;
    private static SamplingResult cold;

    @BeforeAll
    static void coldFit() {
        original = correlated(new double[DIMENSION], 1.0);
        double[] mean = new double[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            mean[i] = 0.3 * original.sd(i);
        }
        shifted = correlated(mean, 0.8);
        cold = Sampler.sample(original, COLD);
    }

    /** sds 0.5 to 3, correlations 0.6^|i-j|, the covariance times {@code scale}. */
    private static GaussianDensity correlated(double[] mean, double scale) {
        DMatrixRMaj cov = new DMatrixRMaj(DIMENSION, DIMENSION);
        for (int i = 0; i < DIMENSION; i++) {
            for (int j = 0; j < DIMENSION; j++) {
                double si = 0.5 + 0.5 * i;
                double sj = 0.5 + 0.5 * j;
                cov.set(i, j, scale * si * sj * Math.pow(0.6, Math.abs(i - j)));
            }
        }
        return new GaussianDensity(mean, cov);
    }

    @Test
    void adaptationHoldsEachChainsStepSizeMetricAndLastDraw() {
        List<AdaptedState> adapted = cold.adaptation();
        assertThat(adapted).hasSize(4);
        for (int c = 0; c < 4; c++) {
            AdaptedState s = adapted.get(c);
            assertThat(s.stepSize()).isEqualTo(cold.stepSize()[c]);
            assertThat(s.inverseMetricDiagonal()).containsExactly(cold.inverseMetricDiagonal()[c]);
            assertThat(s.inverseMetricDense()).isNull();
            assertThat(s.position()).containsExactly(cold.positions()[c][999]);
        }
    }

    @Test
    void warmStartWithAQuarterOfTheWarmupRecoversTheSameTarget() {
        SamplingResult warm = Sampler.sample(original, WARM, WarmStart.from(cold), null, null);
        PosteriorCheck.assertMatches("warm start, same target", warm, original::mean, original::sd);
    }

    @Test
    void warmStartWithAQuarterOfTheWarmupRecoversAShiftedNarrowerTarget() {
        SamplingResult warm = Sampler.sample(shifted, WARM, WarmStart.from(cold), null, null);
        PosteriorCheck.assertMatches("warm start, shifted target", warm, shifted::mean, shifted::sd);
        // The window re-estimated the metric for the 0.8x narrower target, keeping a fifth of the old one
        // (50 prior draws against 175): variances shrink by about 0.84 on average.
        double logRatio = 0;
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < DIMENSION; i++) {
                logRatio += Math.log(warm.inverseMetricDiagonal()[c][i] / cold.inverseMetricDiagonal()[c][i]);
            }
        }
        assertThat(Math.exp(logRatio / (4 * DIMENSION))).isBetween(0.7, 0.95);
    }

    @Test
    void stepSizeOnlyKeepsTheGivenMetric() {
        WarmStart start = new WarmStart(cold.adaptation(), WarmStart.Retune.STEP_SIZE);
        SamplingResult warm = Sampler.sample(shifted, WARM, start, null, null);
        for (int c = 0; c < 4; c++) {
            assertThat(warm.inverseMetricDiagonal()[c]).containsExactly(cold.inverseMetricDiagonal()[c]);
        }
        PosteriorCheck.assertMatches("warm start, step size only", warm, shifted::mean, shifted::sd);
    }

    @Test
    void denseAdaptationGoesOutAndBackIn() {
        SamplerSettings dense = COLD.toBuilder().metric(Metric.DENSE).build();
        SamplingResult denseCold = Sampler.sample(original, dense);
        AdaptedState s = denseCold.adaptation().get(0);
        assertThat(s.dense()).isTrue();
        double[][] m = s.inverseMetricDense();
        for (int i = 0; i < DIMENSION; i++) {
            assertThat(m[i][i]).isEqualTo(s.inverseMetricDiagonal()[i]);
            for (int j = 0; j < DIMENSION; j++) {
                assertThat(m[i][j]).isEqualTo(m[j][i]);
            }
        }
        // The adapted M⁻¹ estimates the covariance: correlation of neighbours near 0.6.
        assertThat(m[0][1] / Math.sqrt(m[0][0] * m[1][1])).isBetween(0.45, 0.75);
        for (WarmStart.Retune retune : WarmStart.Retune.values()) {
            SamplingResult warm = Sampler.sample(shifted, WARM.toBuilder().metric(Metric.DENSE).build(),
                    new WarmStart(denseCold.adaptation(), retune), null, null);
            PosteriorCheck.assertMatches("warm start, dense, " + retune, warm, shifted::mean, shifted::sd);
            assertThat(warm.adaptation().get(0).dense()).isTrue();
        }
    }

    @Test
    void warmStartIsReproducibleWhateverTheThreadCount() {
        SamplerSettings small = WARM.toBuilder().draws(200).build();
        SamplingResult one = Sampler.sample(shifted, small.toBuilder().threads(1).build(), WarmStart.from(cold), null,
                null);
        SamplingResult four = Sampler.sample(shifted, small.toBuilder().threads(4).build(), WarmStart.from(cold), null,
                null);
        assertThat(Arrays.deepEquals(one.positions(), four.positions())).isTrue();
        assertThat(Arrays.deepEquals(one.energy(), four.energy())).isTrue();
        assertThat(one.stepSize()).isEqualTo(four.stepSize());
        assertThat(one.adaptation()).isEqualTo(four.adaptation());
        SamplingResult otherSeed = Sampler.sample(shifted, small.toBuilder().seed(13).build(), WarmStart.from(cold),
                null, null);
        assertThat(Arrays.deepEquals(one.positions(), otherSeed.positions())).isFalse();
    }

    @Test
    void warmStartBeginsAtTheGivenPosition() {
        List<AdaptedState> states = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            AdaptedState s = cold.adaptation().get(c);
            double[] far = new double[DIMENSION];
            Arrays.fill(far, 40.0 + c);
            states.add(new AdaptedState(s.stepSize(), s.inverseMetricDiagonal(), null, far));
        }
        SamplingResult oneIteration = Sampler.sample(original, WARM.toBuilder().warmup(0).draws(1)
                .maxTreeDepth(1).build(), new WarmStart(states, WarmStart.Retune.STEP_SIZE), null, null);
        // One leapfrog step from (40, ..., 40) stays far out in the tail.
        assertThat(oneIteration.logDensity()[0][0]).isLessThan(-100);
    }

    @Test
    void badWarmStartsAreRejectedByName() {
        List<AdaptedState> good = cold.adaptation();
        AdaptedState s = good.get(0);
        assertThatThrownBy(() -> Sampler.sample(original, WARM, new WarmStart(good.subList(0, 3)), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("warm start has 3 adapted states, expected one per chain (4)");
        assertThatThrownBy(() -> Sampler.sample(GaussianDensity.equicorrelated(5, 0.5), WARM, new WarmStart(good), null,
                null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("warm start chain 0: position has 6 values, expected 5");
        double[] nan = s.position();
        nan[2] = Double.NaN;
        assertRejected(withChain1(good, new AdaptedState(s.stepSize(), s.inverseMetricDiagonal(), null, nan)),
                "warm start chain 1: position[2] must be finite, got NaN");
        for (double step : new double[] {0, -0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertRejected(withChain1(good, new AdaptedState(step, s.inverseMetricDiagonal(), null, s.position())),
                    "warm start chain 1: step size must be finite and positive, got " + step);
        }
        double[] negative = s.inverseMetricDiagonal();
        negative[4] = -1;
        assertRejected(withChain1(good, new AdaptedState(s.stepSize(), negative, null, s.position())),
                "warm start chain 1: inverseMetricDiagonal[4] must be finite and positive, got -1.0");
        assertRejected(withChain1(good, new AdaptedState(s.stepSize(), new double[2], null, s.position())),
                "warm start chain 1: inverseMetricDiagonal has 2 values, expected 6");
        double[][] asymmetric = new double[DIMENSION][DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            asymmetric[i][i] = 1;
        }
        asymmetric[0][3] = 0.5;
        assertRejected(withChain1(good, new AdaptedState(s.stepSize(), s.inverseMetricDiagonal(), asymmetric,
                s.position())), "warm start chain 1: inverseMetricDense is not symmetric: [3][0] = 0.0 but [0][3] = 0.5");
        double[][] indefinite = new double[DIMENSION][DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            indefinite[i][i] = 1;
        }
        indefinite[0][1] = 2;
        indefinite[1][0] = 2;
        assertRejected(withChain1(good, new AdaptedState(s.stepSize(), s.inverseMetricDiagonal(), indefinite,
                s.position())), "warm start chain 1: inverseMetricDense: inverse metric is not positive definite");
        assertThatThrownBy(() -> new WarmStart(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("warm start needs one adapted state per chain, got none");
    }

    private static List<AdaptedState> withChain1(List<AdaptedState> states, AdaptedState replacement) {
        List<AdaptedState> out = new ArrayList<>(states);
        out.set(1, replacement);
        return out;
    }

    private static void assertRejected(List<AdaptedState> states, String message) {
        assertThatThrownBy(() -> Sampler.sample(original, WARM, new WarmStart(states), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
