package dev.mmm.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KdeTest {

    @Test
    void bandwidthIsSilvermansRule() {
        // 1..5: sd = sqrt(2.5), IQR = 4 - 2 = 2, min(sd, IQR / 1.34) = 1.4925..., n^-0.2 = 5^-0.2.
        Kde k = Kde.of(new double[] {1, 2, 3, 4, 5});
        double expected = 0.9 * Math.min(Math.sqrt(2.5), 2 / 1.34) * Math.pow(5, -0.2);
        assertThat(k.bandwidth()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void densityOfStandardNormalDrawsMatchesTheNormalDensity() {
        Random rng = new Random(11);
        double[] draws = new double[20000];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = rng.nextGaussian();
        }
        Kde k = Kde.of(draws);
        // The estimate is the normal smoothed by a small kernel: at 0 it is 1 / sqrt(2 pi (1 + h^2)).
        // Its sampling sd here is about 0.007, so 0.025 is over 3 sd.
        double h = k.bandwidth();
        assertThat(k.density(0)).isCloseTo(1 / Math.sqrt(2 * Math.PI * (1 + h * h)), within(0.025));
        assertThat(k.density(1)).isCloseTo(Math.exp(-0.5 / (1 + h * h)) / Math.sqrt(2 * Math.PI * (1 + h * h)), within(0.025));
    }

    @Test
    void densityIntegratesToOne() {
        Kde k = Kde.of(new double[] {0, 0.5, 3, 3.2, 7});
        double lo = -10;
        double hi = 17;
        int n = 4000;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double w = i == 0 || i == n ? 0.5 : 1;
            sum += w * k.density(lo + (hi - lo) * i / n);
        }
        assertThat(sum * (hi - lo) / n).isCloseTo(1, within(1e-6));
    }

    @Test
    void constantDrawsStillGiveADrawableBump() {
        Kde k = Kde.of(new double[] {2, 2, 2});
        assertThat(k.bandwidth()).isPositive();
        assertThat(k.density(2)).isPositive().isFinite();
        assertThatThrownBy(() -> Kde.of(new double[] {1})).hasMessage("a density estimate needs at least 2 draws, got 1");
    }

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        Kde k = Kde.of(new double[] {4, 1, 3, 2});
        assertThat(k.quantile(0)).isEqualTo(1);
        assertThat(k.quantile(0.5)).isEqualTo(2.5);
        assertThat(k.quantile(1)).isEqualTo(4);
    }
}
