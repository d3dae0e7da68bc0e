package dev.mmm.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.numbers.gamma.Erfc;
import org.junit.jupiter.api.Test;

class FitMetricsTest {

    /** CRPS of N(mu, sigma) at y: sigma [z (2 Phi(z) - 1) + 2 phi(z) - 1/sqrt(pi)] (Gneiting and Raftery 2007). */
    private static double normalCrps(double mu, double sigma, double y) {
        double z = (y - mu) / sigma;
        double cdf = 0.5 * Erfc.value(-z / Math.sqrt(2));
        double pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        return sigma * (z * (2 * cdf - 1) + 2 * pdf - 1 / Math.sqrt(Math.PI));
    }

    private static double[][] copiesOf(double[] y, int draws) {
        double[][] out = new double[draws][];
        for (int s = 0; s < draws; s++) {
            out[s] = y.clone();
        }
        return out;
    }

    @Test
    void perfectPredictionScoresPerfectly() {
        double[] y = {3, 5, 4, 8, 6};
        FitMetrics m = FitMetrics.of(y, copiesOf(y, 10));
        assertThat(m.r2()).isEqualTo(1);
        assertThat(m.nrmse()).isZero();
        assertThat(m.mape()).isZero();
        assertThat(m.crps()).isZero();
        assertThat(m.coverage()).isEqualTo(1);
        assertThat(m.warnings()).isEmpty();
    }

    @Test
    void aConstantOffsetHasKnownR2NrmseAndMape() {
        double[] y = {2, 4, 6, 8};
        double[] shifted = {3, 5, 7, 9};
        FitMetrics m = FitMetrics.of(y, copiesOf(shifted, 4));
        // SS_res = 4, SS_tot = 20
        assertThat(m.r2()).isCloseTo(1 - 4.0 / 20, within(1e-15));
        assertThat(m.nrmse()).isCloseTo(1.0 / 6, within(1e-15));
        assertThat(m.mape()).isCloseTo((0.5 + 0.25 + 1.0 / 6 + 0.125) / 4, within(1e-15));
        // a point forecast's CRPS is its absolute error
        assertThat(m.crps()).isCloseTo(1, within(1e-15));
        assertThat(m.coverage()).isZero();
        // predicting the mean everywhere gives R^2 = 0
        assertThat(FitMetrics.of(y, copiesOf(new double[] {5, 5, 5, 5}, 3)).r2()).isZero();
    }

    @Test
    void mapeSkipsZeroTargetsAndSaysSo() {
        FitMetrics m = FitMetrics.of(new double[] {0, 2, 4}, copiesOf(new double[] {1, 3, 3}, 2));
        assertThat(m.mape()).isCloseTo((0.5 + 0.25) / 2, within(1e-15));
        assertThat(m.mapeSkippedZeros()).isEqualTo(1);
        assertThat(m.warnings()).containsExactly(
                "MAPE skips 1 of 3 periods whose target is 0 (no percentage error exists there).");
    }

    @Test
    void crpsOfNormalDrawsMatchesTheClosedForm() {
        SplittableRandom random = new SplittableRandom(31);
        int draws = 40000;
        double[] x = new double[draws];
        for (int s = 0; s < draws; s++) {
            x[s] = 10 + 2 * random.nextGaussian();
        }
        for (double y : new double[] {10, 11.5, 4}) {
            // Monte Carlo error of a 40000-draw CRPS is below 0.01 here
            assertThat(FitMetrics.crps(x, y)).as("y = %s", y).isCloseTo(normalCrps(10, 2, y), within(0.02));
        }
    }

    @Test
    void crpsIsUnbiasedEvenWithFourDraws() {
        // the plain (1/S^2) estimate of E|X - X'| would be too high by sigma / (sqrt(pi) S) = 0.14 here
        SplittableRandom random = new SplittableRandom(32);
        int replicates = 50000;
        double sum = 0;
        double[] x = new double[4];
        for (int r = 0; r < replicates; r++) {
            for (int s = 0; s < x.length; s++) {
                x[s] = random.nextGaussian();
            }
            sum += FitMetrics.crps(x, 0.5);
        }
        // se of the mean about 0.003
        assertThat(sum / replicates).isCloseTo(normalCrps(0, 1, 0.5), within(0.015));
    }

    @Test
    void crpsThroughSortedWeightsEqualsThePairwiseSum() {
        SplittableRandom random = new SplittableRandom(33);
        double[] x = new double[37];
        for (int s = 0; s < x.length; s++) {
            x[s] = random.nextDouble() * 10;
        }
        double y = 4.2;
        double absolute = 0;
        double pairs = 0;
        for (double a : x) {
            absolute += Math.abs(a - y);
            for (double b : x) {
                pairs += Math.abs(a - b);
            }
        }
        int s = x.length;
        double direct = absolute / s - 0.5 * pairs / ((double) s * (s - 1));
        assertThat(FitMetrics.crps(x, y)).isCloseTo(direct, within(1e-12));
    }

    @Test
    void coverageOfACalibratedPredictiveIsTheIntervalMass() {
        SplittableRandom random = new SplittableRandom(34);
        int periods = 4000;
        int draws = 400;
        double[] y = new double[periods];
        double[][] predictive = new double[draws][periods];
        for (int t = 0; t < periods; t++) {
            double mu = t % 7;
            y[t] = mu + random.nextGaussian();
            for (int s = 0; s < draws; s++) {
                predictive[s][t] = mu + random.nextGaussian();
            }
        }
        FitMetrics m = FitMetrics.of(y, predictive, 0.8);
        // binomial se sqrt(0.16 / 4000) = 0.006, plus the quantile noise of 400 draws
        assertThat(m.coverage()).isCloseTo(0.8, within(0.03));
        // scored by its own distribution, the expected CRPS is E|X - X'| / 2 = sigma / sqrt(pi)
        assertThat(m.crps()).isCloseTo(1 / Math.sqrt(Math.PI), within(0.01));
    }

    @Test
    void holdoutScoresEachSideOnItsOwn() {
        double[] y = {1, 2, 3, 4, 10, 20, 30};
        double[] prediction = {1, 2, 3, 4, 12, 20, 28};
        FitMetrics.Holdout h = FitMetrics.holdout(y, copiesOf(prediction, 3), 4, 0.9);
        assertThat(h.inSample().periods()).isEqualTo(4);
        assertThat(h.inSample().r2()).isEqualTo(1);
        assertThat(h.outOfSample().periods()).isEqualTo(3);
        // SS_res = 8, SS_tot = 200; range 20; RMSE sqrt(8/3)
        assertThat(h.outOfSample().r2()).isCloseTo(1 - 8.0 / 200, within(1e-15));
        assertThat(h.outOfSample().nrmse()).isCloseTo(Math.sqrt(8.0 / 3) / 20, within(1e-15));
    }

    @Test
    void badInputNamesThePeriodOrDraw() {
        double[] y = {1, 2, 3};
        assertThatThrownBy(() -> FitMetrics.of(y, new double[][] {{1, 2, 3}, {1, 2}}))
                .hasMessage("predictive draw 2 has 2 periods, the target has 3");
        assertThatThrownBy(() -> FitMetrics.of(new double[] {1, Double.NaN, 3}, copiesOf(y, 2)))
                .hasMessage("target is NaN at period 2; it must be finite");
        assertThatThrownBy(() -> FitMetrics.holdout(y, copiesOf(y, 2), 2, 0.9))
                .hasMessageContaining("each side needs at least 2 periods");
    }
}
