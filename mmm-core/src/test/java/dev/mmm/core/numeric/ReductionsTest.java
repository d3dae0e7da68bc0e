package dev.mmm.core.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReductionsTest {

    private static double plainDot(double[] a, double[] b, int n) {
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void dotAndSumAgreeWithPlainLoopsForEveryLengthAroundTheUnrolling() {
        SplittableRandom random = new SplittableRandom(1);
        for (int n = 0; n <= 13; n++) {
            double[] a = random.doubles(n + 3, -2, 2).toArray();
            double[] b = random.doubles(n + 3, -2, 2).toArray();
            double[] ones = new double[n + 3];
            java.util.Arrays.fill(ones, 1.0);
            assertThat(Reductions.dot(a, b, n)).as("dot, n=" + n).isCloseTo(plainDot(a, b, n), within(1e-13));
            assertThat(Reductions.sum(a, n)).as("sum, n=" + n).isCloseTo(plainDot(a, ones, n), within(1e-13));
        }
    }

    @Test
    void dotsMatchOneDotPerRowForEveryRowCountAndLength() {
        SplittableRandom random = new SplittableRandom(2);
        for (int count = 0; count <= 9; count++) {
            for (int n = 0; n <= 11; n++) {
                double[] g = random.doubles(n + 2, -1, 1).toArray();
                double[][] rows = new double[count][];
                for (int j = 0; j < count; j++) {
                    rows[j] = random.doubles(n + 2, -3, 3).toArray();
                }
                double[] out = new double[count + 1];
                out[count] = 42.0;
                Reductions.dots(g, rows, count, n, out);
                for (int j = 0; j < count; j++) {
                    assertThat(out[j]).as("row " + j + " of " + count + ", n=" + n)
                            .isCloseTo(plainDot(g, rows[j], n), within(1e-13));
                }
                assertThat(out[count]).as("entries past count are left alone").isEqualTo(42.0);
            }
        }
    }

    @Test
    void nonFiniteValuesPropagate() {
        double[] a = {1, 2, Double.POSITIVE_INFINITY, 4, 5};
        double[] b = {1, 1, 1, 1, 0};
        assertThat(Reductions.dot(a, b, 5)).isEqualTo(Double.POSITIVE_INFINITY);
        double[] zeros = new double[5];
        assertThat(Reductions.dot(a, zeros, 5)).isNaN();
        double[] out = new double[2];
        Reductions.dots(b, new double[][] {a, zeros}, 2, 5, out);
        assertThat(out[0]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(out[1]).isZero();
    }
}
