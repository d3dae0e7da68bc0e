package dev.mmm.core.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.statistics.distribution.WeibullDistribution;
import org.junit.jupiter.api.Test;

class AdstockWeightsTest {

    private static double[] weights(Adstock adstock, double... params) {
        double[] w = new double[adstock.weightCount()];
        adstock.weights(params, w);
        return w;
    }

    @Test
    void geometricUnnormalisedCarriesAlphaTimesThePreviousPeriod() {
        Adstock adstock = new GeometricAdstock(8, false);
        double alpha = 0.37;
        double[] w = weights(adstock, alpha);
        double[] x = {2.0, 5.0, 0.0, 1.0};
        double[] y = new double[x.length];
        ChannelTransform.convolve(w, w.length, x, x.length, y);
        assertThat(y[0]).isEqualTo(2.0);
        assertThat(y[1]).isCloseTo(5.0 + alpha * 2.0, within(1e-15));
        assertThat(y[2]).isCloseTo(alpha * 5.0 + alpha * alpha * 2.0, within(1e-15));
        for (int l = 0; l < 8; l++) {
            assertThat(w[l]).isCloseTo(Math.pow(alpha, l), within(1e-15));
        }
    }

    @Test
    void geometricIsExactAtBothEndsOfAlpha() {
        assertThat(weights(new GeometricAdstock(4, false), 0.0)).containsExactly(1.0, 0.0, 0.0, 0.0);
        assertThat(weights(new GeometricAdstock(4, true), 1.0)).containsExactly(0.25, 0.25, 0.25, 0.25);
    }

    @Test
    void binomialSecondWeightMatchesTheClosedForm() {
        int lMax = 8;
        double alpha = 0.3;
        double[] w = weights(new BinomialAdstock(lMax, false), alpha);
        assertThat(w[0]).isEqualTo(1.0);
        assertThat(w[1]).isCloseTo(Math.pow(1.0 - 1.0 / (lMax + 1), 1.0 / alpha - 1.0), within(1e-15));
        assertThat(w[5]).isCloseTo(Math.pow(1.0 - 5.0 / (lMax + 1), 1.0 / alpha - 1.0), within(1e-15));
        assertThat(weights(new BinomialAdstock(3, false), 1.0)).containsExactly(1.0, 1.0, 1.0);
        assertThat(weights(new BinomialAdstock(3, false), 0.0)).containsExactly(1.0, 0.0, 0.0);
    }

    @Test
    void weibullPdfWeightsAreTheMinMaxRescaledDensity() {
        for (double[] lamK : new double[][] {{2.0, 3.0}, {1.3, 0.7}, {4.5, 1.8}, {0.6, 5.0}}) {
            double lam = lamK[0];
            double k = lamK[1];
            int lMax = 10;
            WeibullDistribution reference = WeibullDistribution.of(k, lam);
            double[] p = new double[lMax];
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int l = 0; l < lMax; l++) {
                p[l] = reference.density(l + 1);
                min = Math.min(min, p[l]);
                max = Math.max(max, p[l]);
            }
            double[] w = weights(new WeibullPdfAdstock(lMax, false), lam, k);
            double[] wn = weights(new WeibullPdfAdstock(lMax, true), lam, k);
            double sum = 0.0;
            for (int l = 0; l < lMax; l++) {
                double expected = (p[l] - min) / (max - min);
                assertThat(w[l]).as("lam=%s k=%s l=%d", lam, k, l).isCloseTo(expected, within(1e-12));
                sum += expected;
            }
            for (int l = 0; l < lMax; l++) {
                assertThat(wn[l]).isCloseTo((p[l] - min) / (max - min) / sum, within(1e-12));
            }
        }
    }

    @Test
    void weibullPdfWithOneLagOrUnderflowingDensitiesStaysFinite() {
        assertThat(weights(new WeibullPdfAdstock(1, false), 2.0, 3.0)).containsExactly(1.0);
        assertThat(weights(new WeibullPdfAdstock(1, true), 2.0, 3.0)).containsExactly(1.0);
        // Every density underflows to 0 here; the log-space rescaling still finds the shape.
        double[] w = weights(new WeibullPdfAdstock(6, false), 0.01, 3.0);
        assertThat(w).doesNotContain(Double.NaN);
        assertThat(w[0]).isEqualTo(1.0);
        assertThat(w[5]).isEqualTo(0.0);
    }

    @Test
    void weibullCdfHasLPlusOneSurvivalProductWeights() {
        for (double[] lamK : new double[][] {{2.0, 2.0}, {0.8, 0.5}, {5.0, 3.5}}) {
            double lam = lamK[0];
            double k = lamK[1];
            int lMax = 8;
            Adstock adstock = new WeibullCdfAdstock(lMax, false);
            assertThat(adstock.weightCount()).isEqualTo(lMax + 1);
            WeibullDistribution reference = WeibullDistribution.of(k, lam);
            double[] w = weights(adstock, lam, k);
            double product = 1.0;
            assertThat(w[0]).isEqualTo(1.0);
            for (int m = 1; m <= lMax; m++) {
                product *= 1.0 - reference.cumulativeProbability(m);
                assertThat(w[m]).as("lam=%s k=%s m=%d", lam, k, m).isCloseTo(product, within(1e-12));
            }
        }
    }

    @Test
    void delayedPeaksAtTheLagNearestTheta() {
        double[] w = weights(new DelayedAdstock(8, false), 0.5, 3.0);
        assertThat(w[3]).isEqualTo(1.0);
        assertThat(w[2]).isCloseTo(0.5, within(1e-15));
        assertThat(w[5]).isCloseTo(Math.pow(0.5, 4), within(1e-15));
        for (double theta : new double[] {0.0, 0.4, 2.6, 6.2, 7.0}) {
            double[] v = weights(new DelayedAdstock(8, true), 0.3, theta);
            int peak = 0;
            for (int l = 1; l < 8; l++) {
                if (v[l] > v[peak]) {
                    peak = l;
                }
            }
            assertThat(peak).as("theta=%s", theta).isEqualTo((int) Math.round(theta));
        }
    }

    @Test
    void delayedNormalisedSurvivesUnderflowAndAlphaZero() {
        // Raw weights 1e-300^((l-20)^2) all underflow; normalised, the last lag takes everything.
        double[] far = weights(new DelayedAdstock(4, true), 1e-300, 20.0);
        assertThat(far).containsExactly(0.0, 0.0, 0.0, 1.0);
        double[] tie = weights(new DelayedAdstock(4, true), 0.0, 1.5);
        assertThat(tie).containsExactly(0.0, 0.5, 0.5, 0.0);
    }

    @Test
    void noAdstockIsTheIdentity() {
        Adstock none = new NoAdstock();
        assertThat(none.weightCount()).isEqualTo(1);
        assertThat(weights(none)).containsExactly(1.0);
        assertThat(none.parameterNames()).isEmpty();
    }

    @Property(tries = 200, seed = "11")
    void normalisedWeightsSumToOne(@ForAll @DoubleRange(min = 0.0, max = 1.0) double unit,
                                   @ForAll @DoubleRange(min = 0.05, max = 10.0) double positive,
                                   @ForAll @DoubleRange(min = 0.05, max = 10.0) double positive2,
                                   @ForAll @IntRange(min = 1, max = 16) int lMax) {
        assertSumsToOne(new GeometricAdstock(lMax, true), unit);
        assertSumsToOne(new BinomialAdstock(lMax, true), unit);
        assertSumsToOne(new DelayedAdstock(lMax, true), unit, positive);
        assertSumsToOne(new WeibullPdfAdstock(lMax, true), positive, positive2);
        assertSumsToOne(new WeibullCdfAdstock(lMax, true), positive, positive2);
    }

    private static void assertSumsToOne(Adstock adstock, double... params) {
        double[] w = weights(adstock, params);
        double sum = 0.0;
        for (double v : w) {
            assertThat(v).isBetween(0.0, 1.0);
            sum += v;
        }
        assertThat(sum).as("%s at %s", adstock, java.util.Arrays.toString(params)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void parametersOutsideTheirDomainGiveNaNNotAnException() {
        assertThat(weights(new GeometricAdstock(3, true), 1.5)).containsOnly(Double.NaN);
        assertThat(weights(new BinomialAdstock(3, false), -0.1)).containsOnly(Double.NaN);
        assertThat(weights(new DelayedAdstock(3, false), 0.5, -1.0)).containsOnly(Double.NaN);
        assertThat(weights(new WeibullPdfAdstock(3, false), 0.0, 1.0)).containsOnly(Double.NaN);
        assertThat(weights(new WeibullCdfAdstock(3, false), 1.0, Double.NaN)).containsOnly(Double.NaN);
    }
}
