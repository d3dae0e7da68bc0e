package dev.mmm.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParetoSmoothingTest {

    /** The selection of the largest values equals the tail of a full stable sort, ties included. */
    @Test
    void largestIsTheTailOfAStableSort() {
        SplittableRandom random = new SplittableRandom(41);
        for (int trial = 0; trial < 200; trial++) {
            int n = 5 + random.nextInt(60);
            double[] values = new double[n];
            for (int s = 0; s < n; s++) {
                // few distinct values, so that ties at the threshold are common
                values[s] = random.nextInt(6);
            }
            int count = 1 + random.nextInt(n);
            Integer[] order = new Integer[n];
            for (int s = 0; s < n; s++) {
                order[s] = s;
            }
            Arrays.sort(order, Comparator.comparingDouble(s -> values[s]));
            int[] expected = new int[count];
            for (int j = 0; j < count; j++) {
                expected[j] = order[n - count + j];
            }
            assertThat(ParetoSmoothing.largest(values, count)).as("trial %d", trial).containsExactly(expected);
        }
    }
}
