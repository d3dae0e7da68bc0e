package dev.mmm.sampler.sbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.sampler.sbc.RankUniformity.ParameterCalibration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankUniformityTest {

    @Test
    void perfectlyEvenRanksGiveZeroChiSquare() {
        int[] ranks = new int[100];
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = i;
        }
        // L = 99, J = 20: ranks 0..4 in bin 0, ..., 95..99 in bin 19
        ParameterCalibration c = RankUniformity.test("x", ranks, 99, 20);
        assertThat(c.binCounts()).containsOnly(5);
        assertThat(c.chiSquare()).isZero();
        assertThat(c.degreesOfFreedom()).isEqualTo(19);
        assertThat(c.pValue()).isEqualTo(1.0);
    }

    @Test
    void binIsFloorOfRankTimesBinsOverLPlusOne() {
        ParameterCalibration c = RankUniformity.test("x", new int[] {0, 4, 5, 99, 50, 54, 55}, 99, 20);
        assertThat(c.binCounts()[0]).isEqualTo(2);
        assertThat(c.binCounts()[1]).isEqualTo(1);
        assertThat(c.binCounts()[10]).isEqualTo(2);
        assertThat(c.binCounts()[11]).isEqualTo(1);
        assertThat(c.binCounts()[19]).isEqualTo(1);
    }

    @Test
    void chiSquareAndPValueMatchTheFormula() {
        // 40 ranks in 2 bins, 30 low and 10 high: X^2 = (10^2 + 10^2) / 20 = 10, p = P(chi2_1 > 10)
        int[] ranks = new int[40];
        for (int i = 30; i < 40; i++) {
            ranks[i] = 9;
        }
        ParameterCalibration c = RankUniformity.test("x", ranks, 9, 2);
        assertThat(c.chiSquare()).isCloseTo(10.0, within(1e-12));
        assertThat(c.pValue()).isCloseTo(0.0015654022580025, within(1e-12));
    }

    @Test
    void uniformRandomRanksPassAndPiledUpRanksFail() {
        Random rng = new Random(5);
        int[] uniform = new int[1000];
        int[] piled = new int[1000];
        for (int i = 0; i < uniform.length; i++) {
            uniform[i] = rng.nextInt(100);
            piled[i] = rng.nextBoolean() ? rng.nextInt(5) : 95 + rng.nextInt(5);
        }
        assertThat(RankUniformity.test("u", uniform, 99, 20).pValue()).isGreaterThan(0.01);
        assertThat(RankUniformity.test("p", piled, 99, 20).pValue()).isLessThan(1e-12);
    }

    @Test
    void outOfRangeRankIsNamed() {
        assertThatThrownBy(() -> RankUniformity.test("beta", new int[] {3, 100}, 99, 20))
                .hasMessage("beta: rank 100 of replication 1 is outside 0..99");
    }
}
