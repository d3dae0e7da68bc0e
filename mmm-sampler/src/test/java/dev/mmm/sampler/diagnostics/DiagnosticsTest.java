package dev.mmm.sampler.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {

    private static double[][] iidNormal(int chains, int draws, long seed) {
        Random rng = new Random(seed);
        double[][] x = new double[chains][draws];
        for (double[] chain : x) {
            for (int i = 0; i < draws; i++) {
                chain[i] = rng.nextGaussian();
            }
        }
        return x;
    }

    private static double[][] ar1(int chains, int draws, double phi, long seed) {
        Random rng = new Random(seed);
        double[][] x = new double[chains][draws];
        for (double[] chain : x) {
            double previous = rng.nextGaussian() / Math.sqrt(1 - phi * phi);
            for (int i = 0; i < draws; i++) {
                previous = phi * previous + rng.nextGaussian();
                chain[i] = previous;
            }
        }
        return x;
    }

    @Test
    void antitheticChainEssIsCappedAtSLog10S() {
        // posterior's test: one AR(-0.9) chain of 1000 draws has ESS S*log10(S) = 3000
        double[][] x = ar1(1, 1000, -0.9, 1234);
        assertThat(Diagnostics.essMean(x)).isCloseTo(3000.0, within(1e-9));
        assertThat(Diagnostics.essBulk(x)).isCloseTo(3000.0, within(1e-9));
    }

    @Test
    void iidDrawsHaveEssNearTheirNumberAndRhatNearOne() {
        double[][] x = iidNormal(4, 1000, 42);
        assertThat(Diagnostics.essBulk(x)).isBetween(3500.0, 4500.0);
        assertThat(Diagnostics.essMean(x)).isBetween(3500.0, 4500.0);
        assertThat(Diagnostics.essTail(x)).isBetween(3000.0, 5000.0);
        assertThat(Diagnostics.rhat(x)).isBetween(0.995, 1.01);
        assertThat(Diagnostics.mcseMean(x)).isCloseTo(1 / Math.sqrt(4000), within(0.002));
        // sd of the sample sd of N(0,1) is about 1/sqrt(2S)
        assertThat(Diagnostics.mcseSd(x)).isCloseTo(1 / Math.sqrt(8000), within(0.002));
    }

    @Test
    void positivelyCorrelatedChainsHaveEssNearTheory() {
        // AR(0.5): tau = (1 + phi) / (1 - phi) = 3
        double[][] x = ar1(4, 2000, 0.5, 7);
        assertThat(Diagnostics.essMean(x)).isBetween(8000 / 3.0 * 0.85, 8000 / 3.0 * 1.15);
        assertThat(Diagnostics.essBulk(x)).isBetween(8000 / 3.0 * 0.85, 8000 / 3.0 * 1.15);
    }

    @Test
    void chainShiftedByThreeGivesLargeRhat() {
        double[][] x = iidNormal(4, 1000, 3);
        for (int i = 0; i < x[2].length; i++) {
            x[2][i] += 3;
        }
        assertThat(Diagnostics.rhat(x)).isGreaterThan(1.3);
        assertThat(Diagnostics.rhatBasic(x)).isGreaterThan(1.5);
    }

    @Test
    void chainWithDifferentScaleIsCaughtByFoldedRhat() {
        double[][] x = iidNormal(4, 1000, 5);
        for (int i = 0; i < x[1].length; i++) {
            x[1][i] *= 3;
        }
        // same location everywhere: only the folded (tail) R-hat sees the wider chain
        assertThat(Diagnostics.rhat(x)).isGreaterThan(1.1);
        assertThat(Diagnostics.rhatBasic(x)).isLessThan(1.02);
    }

    @Test
    void constantColumnGivesNaN() {
        double[][] x = new double[4][100];
        for (double[] chain : x) {
            java.util.Arrays.fill(chain, 2.5);
        }
        assertAllDiagnosticsNaN(x);
        assertThat(Diagnostics.mean(x)).isEqualTo(2.5);
        assertThat(Diagnostics.quantile(x, 0.95)).isEqualTo(2.5);
    }

    @Test
    void nonFiniteDrawOrShortChainsGiveNaN() {
        double[][] x = iidNormal(4, 100, 9);
        x[3][50] = Double.POSITIVE_INFINITY;
        assertAllDiagnosticsNaN(x);
        x[3][50] = Double.NaN;
        assertAllDiagnosticsNaN(x);
        assertAllDiagnosticsNaN(iidNormal(4, 3, 9));
    }

    private static void assertAllDiagnosticsNaN(double[][] x) {
        assertThat(Diagnostics.rhat(x)).isNaN();
        assertThat(Diagnostics.rhatBasic(x)).isNaN();
        assertThat(Diagnostics.essBulk(x)).isNaN();
        assertThat(Diagnostics.essTail(x)).isNaN();
        assertThat(Diagnostics.essMean(x)).isNaN();
        assertThat(Diagnostics.essSd(x)).isNaN();
        assertThat(Diagnostics.mcseMean(x)).isNaN();
        assertThat(Diagnostics.mcseSd(x)).isNaN();
        assertThat(Diagnostics.mcseQuantile(x, 0.05)).isNaN();
    }

    @Test
    void fourDrawsPerChainIsEnough() {
        double[][] x = {{0.1, 0.5, -0.3, 1.2}, {0.7, -1.1, 0.2, 0.4}};
        assertThat(Diagnostics.rhat(x)).isFinite();
        assertThat(Diagnostics.essBulk(x)).isPositive();
    }

    @Test
    void quantileIsRType7() {
        double[][] x = {{1, 2, 3, 4}, {5, 6, 7, 8, 9, 10}};
        // uneven chains are rejected: diagnostics need equal lengths
        assertThatThrownBy(() -> Diagnostics.quantile(x, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chain 1 has 6");
        double[][] y = {{10, 1, 7, 3, 9}, {2, 8, 4, 6, 5}};
        // R: quantile(1:10, c(0, .05, .5, .95, 1)) = 1, 1.45, 5.5, 9.55, 10
        assertThat(Diagnostics.quantile(y, 0)).isEqualTo(1);
        assertThat(Diagnostics.quantile(y, 0.05)).isCloseTo(1.45, within(1e-12));
        assertThat(Diagnostics.quantile(y, 0.5)).isCloseTo(5.5, within(1e-12));
        assertThat(Diagnostics.quantile(y, 0.95)).isCloseTo(9.55, within(1e-12));
        assertThat(Diagnostics.quantile(y, 1)).isEqualTo(10);
    }

    @Test
    void oddChainLengthDropsTheMiddleDraw() {
        double[][] split = Diagnostics.split(new double[][] {{1, 2, 3, 4, 5}});
        assertThat(split).isDeepEqualTo(new double[][] {{1, 2}, {4, 5}});
        assertThat(Diagnostics.split(new double[][] {{1, 2, 3, 4}}))
                .isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
    }

    @Test
    void rankNormalisationAveragesTies() {
        double[][] z = Diagnostics.zScale(new double[][] {{3, 1}, {1, 2}});
        // ranks 4, 1.5, 1.5, 3 of S = 4
        assertThat(z[0][0]).isCloseTo(phiInv((4 - 0.375) / 4.25), within(1e-12));
        assertThat(z[0][1]).isCloseTo(phiInv((1.5 - 0.375) / 4.25), within(1e-12));
        assertThat(z[1][0]).isEqualTo(z[0][1]);
        assertThat(z[1][1]).isCloseTo(phiInv((3 - 0.375) / 4.25), within(1e-12));
    }

    private static double phiInv(double p) {
        return org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
                .inverseCumulativeProbability(p);
    }

    @Test
    void fftAutocovarianceMatchesDirectSum() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int n : new int[] {1, 2, 3, 7, 64, 100, 513}) {
            double[] x = new double[n + 3];
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextDouble() * 10 - 3;
            }
            double[] acov = Autocovariance.of(x, 2, n);
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[2 + i];
            }
            mean /= n;
            for (int t = 0; t < n; t++) {
                double direct = 0;
                for (int i = 0; i + t < n; i++) {
                    direct += (x[2 + i] - mean) * (x[2 + i + t] - mean);
                }
                assertThat(acov[t]).as("n=%d lag %d", n, t).isCloseTo(direct / n, within(1e-10));
            }
        }
    }

    @Test
    void mcseQuantileIsNearTheIidTheory() {
        double[][] x = iidNormal(4, 2000, 21);
        // iid: sd of the 5% quantile = sqrt(p(1-p)/S) / density(q05)
        double q = -1.6448536;
        double density = Math.exp(-q * q / 2) / Math.sqrt(2 * Math.PI);
        double theory = Math.sqrt(0.05 * 0.95 / 8000) / density;
        assertThat(Diagnostics.mcseQuantile(x, 0.05)).isCloseTo(theory, within(theory * 0.3));
        assertThat(Diagnostics.mcseQuantile(x, 0.5)).isCloseTo(
                Math.sqrt(0.25 / 8000) * Math.sqrt(2 * Math.PI), within(0.005));
    }

    @Test
    void ebfmiIsTwoForIidEnergyAndSmallForARandomWalk() {
        // for iid energy E[(E_t - E_{t-1})^2] = 2 var(E)
        double[] iid = iidNormal(1, 4000, 17)[0];
        assertThat(Diagnostics.ebfmi(iid)).isCloseTo(2.0, within(0.1));
        double[] walk = ar1(1, 4000, 0.99, 17)[0];
        assertThat(Diagnostics.ebfmi(walk)).isLessThan(0.1);
        assertThat(Diagnostics.ebfmi(new double[] {1.0})).isNaN();
    }

    @Test
    void summarizeCollectsEverything() {
        double[][] x = iidNormal(4, 500, 99);
        ParameterSummary s = Diagnostics.summarize("beta[1]", x);
        assertThat(s.name()).isEqualTo("beta[1]");
        assertThat(s.mean()).isEqualTo(Diagnostics.mean(x));
        assertThat(s.sd()).isEqualTo(Diagnostics.sd(x));
        assertThat(s.q05()).isEqualTo(Diagnostics.quantile(x, 0.05));
        assertThat(s.q50()).isEqualTo(Diagnostics.quantile(x, 0.5));
        assertThat(s.q95()).isEqualTo(Diagnostics.quantile(x, 0.95));
        assertThat(s.rhat()).isEqualTo(Diagnostics.rhat(x));
        assertThat(s.essBulk()).isEqualTo(Diagnostics.essBulk(x));
        assertThat(s.essTail()).isEqualTo(Diagnostics.essTail(x));
        assertThat(s.mcseMean()).isEqualTo(Diagnostics.mcseMean(x));
        assertThat(s.mcseSd()).isEqualTo(Diagnostics.mcseSd(x));
        assertThat(s.q05()).isLessThan(s.q50()).isCloseTo(-1.645, within(0.15));
    }
}
