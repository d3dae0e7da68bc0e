package dev.mmm.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Objective values on draws whose answer is known, their weights against finite differences, and parsing. */
class ObjectiveTest {

    @Test
    void valuesOnKnownDraws() {
        double[] v = {5, 1, 4, 2, 3, 10, 7, 8, 6, 9};
        assertThat(Objective.mean().value(v)).isEqualTo(5.5);
        // sd of 1..10 with n - 1 is sqrt(55 / 6).
        assertThat(Objective.meanMinusSd(2).value(v)).isCloseTo(5.5 - 2 * Math.sqrt(55.0 / 6), within(1e-12));
        assertThat(Objective.cvar(0.1).value(v)).isEqualTo(1.0);
        assertThat(Objective.cvar(0.3).value(v)).isEqualTo(2.0);
        // ceil(0.25 * 10) = 3 draws: 1, 2, 3.
        assertThat(Objective.cvar(0.25).value(v)).isEqualTo(2.0);
        assertThat(Objective.cvar(1.0).value(v)).isEqualTo(5.5);
    }

    @Test
    void cvarBreaksTiesByDrawOrder() {
        double[] v = {3, 1, 1, 1, 2};
        double[] w = new double[5];
        // ceil(0.4 * 5) = 2 draws, both among the three 1s: the first two of them.
        assertThat(Objective.cvar(0.4).weights(v, w)).isEqualTo(1.0);
        assertThat(w).containsExactly(0, 0.5, 0.5, 0, 0);
    }

    @Test
    void weightsAreTheDerivativesInEachDrawsValue() {
        Random rng = new Random(3);
        double[] v = new double[25];
        for (int d = 0; d < v.length; d++) {
            v[d] = 100 + 20 * rng.nextGaussian();
        }
        for (Objective o : new Objective[] {Objective.mean(), Objective.meanMinusSd(1.5), Objective.cvar(0.2)}) {
            double[] w = new double[v.length];
            o.weights(v, w);
            for (int d = 0; d < v.length; d++) {
                double h = 1e-5;
                double keep = v[d];
                v[d] = keep + h;
                double up = o.value(v);
                v[d] = keep - h;
                double down = o.value(v);
                v[d] = keep;
                assertThat(w[d]).as(o.label() + " draw " + d).isCloseTo((up - down) / (2 * h), within(1e-6));
            }
        }
    }

    @Test
    void parsesTheCliForms() {
        assertThat(Objective.parse("mean")).isEqualTo(Objective.mean());
        assertThat(Objective.parse("cvar:0.1")).isEqualTo(Objective.cvar(0.1));
        assertThat(Objective.parse(" Mean-SD:1 ")).isEqualTo(Objective.meanMinusSd(1));
        assertThatThrownBy(() -> Objective.parse("median")).hasMessageContaining("expected mean, mean-sd:K or cvar:Q");
        assertThatThrownBy(() -> Objective.parse("cvar:x")).hasMessageContaining("'x' in 'cvar:x' is not a number");
        assertThatThrownBy(() -> Objective.parse("cvar:1.5")).hasMessageContaining("0 < q <= 1");
    }

    @Test
    void boundsParseTheCliForms() {
        assertThat(ChannelBound.parse("1000:5000", "--bounds tv")).isEqualTo(ChannelBound.absolute(1000, 5000));
        assertThat(ChannelBound.parse(":5000", "--bounds tv")).isEqualTo(ChannelBound.absolute(0, 5000));
        assertThat(ChannelBound.parse("100:", "--bounds tv"))
                .isEqualTo(ChannelBound.absolute(100, Double.POSITIVE_INFINITY));
        assertThat(ChannelBound.parse("0.5x:1.5x", "--bounds tv")).isEqualTo(ChannelBound.relative(0.5, 1.5));
        assertThat(ChannelBound.parse("locked", "--bounds tv")).isEqualTo(ChannelBound.locked());
        assertThatThrownBy(() -> ChannelBound.parse("5000:1000", "--bounds tv"))
                .hasMessageStartingWith("--bounds tv:").hasMessageContaining("lower <= upper");
        assertThatThrownBy(() -> ChannelBound.parse("0.5x:100", "--bounds tv")).hasMessageContaining("both sides");
        assertThatThrownBy(() -> ChannelBound.parse("abc", "--bounds tv")).hasMessageContaining("expected lo:hi");
        assertThatThrownBy(() -> ChannelBound.parse("1:z", "--bounds tv")).hasMessageContaining("'z'");
        assertThat(ChannelBound.parseList("tv=0.5x:1.5x, search=locked,radio=:20000")).containsExactly(
                java.util.Map.entry("tv", ChannelBound.relative(0.5, 1.5)),
                java.util.Map.entry("search", ChannelBound.locked()),
                java.util.Map.entry("radio", ChannelBound.absolute(0, 20000)));
        assertThatThrownBy(() -> ChannelBound.parseList("tv")).hasMessageContaining("expected channel=bound, got 'tv'");
        assertThatThrownBy(() -> ChannelBound.parseList("tv=1:2,tv=3:4")).hasMessageContaining("bounded twice");
        assertThatThrownBy(() -> ChannelBound.parseList("tv=1:x")).hasMessageStartingWith("--bounds tv:");
    }
}
