package dev.mmm.core.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LagSumsTest {

    /** The blocked kernel sums in the same order as the plain double loop, so results are bit-identical. */
    @Test
    void blockedLagSumsEqualThePlainLoopForEveryLagCountAndLength() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n <= 13; n++) {
            for (int count = 0; count <= 11; count++) {
                double[] g = new double[n];
                double[] x = new double[n];
                for (int t = 0; t < n; t++) {
                    g[t] = random.nextDouble(-3, 3);
                    x[t] = random.nextDouble(0, 2);
                }
                double[] expected = new double[count];
                for (int l = 0; l < count; l++) {
                    double sum = 0.0;
                    for (int t = l; t < n; t++) {
                        sum += g[t] * x[t - l];
                    }
                    expected[l] = sum;
                }
                double[] actual = new double[count];
                java.util.Arrays.fill(actual, Double.NaN);
                ChannelTransform.lagSums(g, x, n, count, actual);
                assertThat(actual).as("n=%d count=%d", n, count).containsExactly(expected);
            }
        }
    }

    @Test
    void convolutionMatchesTheDefinitionWithZerosBeforeRowZero() {
        double[] w = {0.5, 0.3, 0.2};
        double[] x = {1, 2, 3, 4};
        double[] out = {9, 9, 9, 9};
        ChannelTransform.convolve(w, 3, x, 4, out);
        assertThat(out).containsExactly(0.5, 0.5 * 2 + 0.3 * 1, 0.5 * 3 + 0.3 * 2 + 0.2 * 1, 0.5 * 4 + 0.3 * 3 + 0.2 * 2);
    }
}
