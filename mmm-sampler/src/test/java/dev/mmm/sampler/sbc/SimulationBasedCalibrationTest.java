package dev.mmm.sampler.sbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mmm.sampler.Metric;
import dev.mmm.sampler.testutil.GradientCheck;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class SimulationBasedCalibrationTest {

    @Test
    void normalGammaGradientMatchesFiniteDifferences() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(8L);
        NormalGammaModel model = new NormalGammaModel(8, 1);
        for (int trial = 0; trial < 20; trial++) {
            double[] y = model.simulate(model.samplePrior(rng), rng);
            double[] q = {rng.nextDouble() * 8 - 4, rng.nextDouble() * 10 - 5};
            GradientCheck.assertGradientMatches(model.posterior(y).density(), q, 1e-6);
        }
    }

    @Test
    void exactPosteriorGivesUniformRanks() {
        SbcSettings settings = SbcSettings.defaults(2024).withWarmup(500);
        AtomicInteger finished = new AtomicInteger();
        SbcResult result = SimulationBasedCalibration.run(new NormalGammaModel(8, 1), settings,
                i -> finished.incrementAndGet());
        System.out.print(result.report());
        assertThat(finished.get()).isEqualTo(200);
        assertThat(result.pValue("mu")).isGreaterThan(0.01);
        assertThat(result.pValue("sigma")).isGreaterThan(0.01);
        // thinning by 10 leaves nearly independent draws
        double[] ess = result.minEssBulk();
        java.util.Arrays.sort(ess);
        assertThat(ess[ess.length / 2]).isGreaterThan(0.7 * settings.draws());
    }

    @Test
    void posteriorTooNarrowIsRejected() {
        SbcSettings settings = SbcSettings.defaults(2024).withWarmup(500);
        SbcResult result = SimulationBasedCalibration.run(new NormalGammaModel(8, 4), settings, null);
        System.out.print(result.report());
        assertThat(result.pValue("mu")).isLessThan(1e-6);
        assertThat(result.pValue("sigma")).isLessThan(1e-6);
        // too narrow: the truth falls outside the draws, so the extreme bins overflow
        int[] mu = result.calibrations().get(0).binCounts();
        assertThat(mu[0] + mu[mu.length - 1]).isGreaterThan(4 * 200 / 20);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        SbcSettings settings = new SbcSettings(10, 9, 2, 100, 2, 7, Metric.DIAGONAL, 0.8, 1);
        SbcResult serial = SimulationBasedCalibration.run(new NormalGammaModel(5, 1), settings, null);
        SbcResult parallel = SimulationBasedCalibration.run(new NormalGammaModel(5, 1), settings.withThreads(3),
                null);
        assertThat(parallel.ranks()).isDeepEqualTo(serial.ranks());
        assertThat(parallel.divergences()).isEqualTo(serial.divergences());
        assertThat(serial.ranks()).hasDimensions(10, 2);
        for (int[] r : serial.ranks()) {
            for (int v : r) {
                assertThat(v).isBetween(0, 9);
            }
        }
    }

    @Test
    void failingReplicationIsNamed() {
        SbcModel<double[]> broken = new SbcModel<>() {
            @Override
            public List<String> parameterNames() {
                return List.of("mu");
            }

            @Override
            public double[] samplePrior(UniformRandomProvider rng) {
                return new double[] {1, 2};
            }

            @Override
            public double[] simulate(double[] parameters, UniformRandomProvider rng) {
                return parameters;
            }

            @Override
            public SbcPosterior posterior(double[] data) {
                throw new IllegalStateException("unused");
            }
        };
        SbcSettings settings = new SbcSettings(10, 9, 1, 10, 2, 7, Metric.DIAGONAL, 0.8, 1);
        assertThatThrownBy(() -> SimulationBasedCalibration.run(broken, settings, null))
                .isInstanceOf(SbcException.class)
                .hasMessage("replication 0: prior draw has 2 values for 1 parameters [mu]");
    }

    @Test
    void rankCountsDrawsBelowTruthAndSplitsTiesAtRandom() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        assertThat(SimulationBasedCalibration.rank(new double[] {3, 1, 2, 5}, 2.5, rng)).isEqualTo(2);
        assertThat(SimulationBasedCalibration.rank(new double[] {3, 1, 2, 5}, 0, rng)).isZero();
        assertThat(SimulationBasedCalibration.rank(new double[] {3, 1, 2, 5}, 9, rng)).isEqualTo(4);
        int[] seen = new int[4];
        for (int i = 0; i < 3000; i++) {
            seen[SimulationBasedCalibration.rank(new double[] {1, 1, 1}, 1, rng)]++;
        }
        for (int count : seen) {
            assertThat(count).isBetween(650, 850);
        }
    }

    @Test
    void settingsRejectBinsThatDoNotDivideTheRanks() {
        assertThatThrownBy(() -> new SbcSettings(200, 100, 10, 1000, 20, 1, Metric.DIAGONAL, 0.8, 0))
                .hasMessage("draws + 1 (101) must be a multiple of bins (20) so that every bin covers as many ranks");
        assertThatThrownBy(() -> new SbcSettings(50, 99, 10, 1000, 20, 1, Metric.DIAGONAL, 0.8, 0))
                .hasMessageContaining("replications (50) must be at least 5 x bins (100)");
        assertThatThrownBy(() -> new SbcSettings(200, 99, 0, 1000, 20, 1, Metric.DIAGONAL, 0.8, 0))
                .hasMessage("thin must be at least 1, got 0");
    }

    @Test
    void streamsDifferPerReplicationAndRepeatPerSeed() {
        long a = SimulationBasedCalibration.streamOf(0, 0).nextLong();
        long b = SimulationBasedCalibration.streamOf(0, 1).nextLong();
        assertThat(a).isNotEqualTo(b);
        assertThat(SimulationBasedCalibration.streamOf(0, 0).nextLong()).isEqualTo(a);
        assertThat(SimulationBasedCalibration.streamOf(1, 0).nextLong()).isNotEqualTo(a);
    }
}
