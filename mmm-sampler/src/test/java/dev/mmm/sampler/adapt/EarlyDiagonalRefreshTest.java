package dev.mmm.sampler.adapt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.sampler.metric.DiagonalMetric;
import org.junit.jupiter.api.Test;

class EarlyDiagonalRefreshTest {

    @Test
    void gaussianDrawsOfTheFirstSpanGiveTheirVarianceAndUnusableCoordinatesKeepTheirValue() {
        DiagonalMetric metric = new DiagonalMetric(new double[] {1, 1, 7});
        EarlyDiagonalRefresh refresh = new EarlyDiagonalRefresh(metric, 75);
        double[] scales = {0.005, 30};
        double[] z = {-1.3, 0.2, 0.9, -0.4, 1.7, 0.6, -0.8, 1.1, -2.0, 0.05};
        double[] out = new double[3];
        for (int i = 0; i < 15; i++) {
            // Iterations before 5 are not used: a huge draw there must not show up in the estimate.
            double zi = i < 5 ? 1e6 : z[i - 5];
            double zj = i < 5 ? 1e6 : z[(i - 5 + 3) % z.length];
            double[] q = {zi * scales[0], -zj * scales[1], 4.0};
            // Coordinate 2 never moves and its gradient never changes: 0/0, not usable.
            double[] g = {-q[0] / (scales[0] * scales[0]), -q[1] / (scales[1] * scales[1]), 1.0};
            boolean updated = refresh.learn(i, q, g);
            assertThat(updated).as("iteration %d", i).isEqualTo(i == 14);
            metric.inverseDiagonal(out);
            if (i < 14) {
                assertThat(out).containsExactly(1.0, 1.0, 7.0);
            }
        }
        assertThat(out[0]).isCloseTo(0.005 * 0.005, within(1e-15));
        assertThat(out[1]).isCloseTo(900, within(1e-9));
        assertThat(out[2]).isEqualTo(7.0);
    }

    @Test
    void defaultBufferGivesFiveSpansEndingAtTheBuffersEnd() {
        DiagonalMetric metric = new DiagonalMetric(1);
        EarlyDiagonalRefresh refresh = new EarlyDiagonalRefresh(metric, 75);
        assertThat(refresh.spans()).isEqualTo(5);
        StringBuilder updates = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            double x = Math.sin(1.7 * i);
            if (refresh.learn(i, new double[] {x}, new double[] {-x / 4})) {
                updates.append(i).append(' ');
            }
        }
        assertThat(updates.toString().trim()).isEqualTo("14 29 44 59 74");
        double[] out = new double[1];
        metric.inverseDiagonal(out);
        assertThat(out[0]).isCloseTo(4.0, within(1e-12));
    }

    @Test
    void shortBuffersKeepOnlySpansWithEnoughDraws() {
        assertThat(new EarlyDiagonalRefresh(new DiagonalMetric(1), 150).spans()).isEqualTo(5);
        assertThat(new EarlyDiagonalRefresh(new DiagonalMetric(1), 30).spans()).isEqualTo(4);
        assertThat(new EarlyDiagonalRefresh(new DiagonalMetric(1), 15).spans()).isZero();
    }
}
