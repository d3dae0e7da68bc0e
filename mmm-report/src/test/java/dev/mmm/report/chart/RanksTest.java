package dev.mmm.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RanksTest {

    @Test
    void ranksArePooledAndTiesShareTheirAverageRank() {
        double[][] ranks = Ranks.pooledRanks(new double[][] {{3.0, 1.0}, {2.0, 3.0}});
        // Sorted: 1 (rank 1), 2 (rank 2), 3 and 3 (ranks 3 and 4, average 3.5).
        assertThat(ranks[0]).containsExactly(3.5, 1);
        assertThat(ranks[1]).containsExactly(2, 3.5);
    }

    @Test
    void aChainEntirelyBelowTheOthersFillsOnlyTheLowBins() {
        double[][] chains = new double[2][100];
        for (int i = 0; i < 100; i++) {
            chains[0][i] = i;
            chains[1][i] = 1000 + i;
        }
        int[][] counts = Ranks.histogram(chains, 10);
        assertThat(counts[0]).containsExactly(20, 20, 20, 20, 20, 0, 0, 0, 0, 0);
        assertThat(counts[1]).containsExactly(0, 0, 0, 0, 0, 20, 20, 20, 20, 20);
    }

    @Test
    void chainsOfOneDistributionGiveRoughlyFlatHistograms() {
        Random rng = new Random(3);
        double[][] chains = new double[4][2000];
        for (double[] c : chains) {
            for (int i = 0; i < c.length; i++) {
                c[i] = rng.nextGaussian();
            }
        }
        int[][] counts = Ranks.histogram(chains, 20);
        for (int[] c : counts) {
            assertThat(Arrays.stream(c).sum()).isEqualTo(2000);
            // Expected 100 a bin; binomial sd about 9.7, so 5 sd is 49.
            for (int n : c) {
                assertThat(n).isBetween(51, 149);
            }
        }
    }

    @Test
    void binsShrinkForShortChains() {
        assertThat(Ranks.bins(1000)).isEqualTo(20);
        assertThat(Ranks.bins(40)).isEqualTo(8);
        assertThat(Ranks.bins(3)).isEqualTo(1);
        assertThatThrownBy(() -> Ranks.histogram(new double[][] {{1, 2}}, 0))
                .hasMessage("a rank histogram needs at least 1 bin, got 0");
    }
}
