package dev.mmm.sampler.adapt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SwitchingWindowsTest {

    /** Remembers the first and last iteration (position[0]) of the draws behind each update. */
    private static final class Recording implements MetricEstimator {
        final List<int[]> updates;
        int count;
        int first = -1;
        int last = -1;

        Recording(List<int[]> updates) {
            this.updates = updates;
        }

        @Override
        public void add(double[] position, double[] gradient) {
            if (count == 0) {
                first = (int) position[0];
            }
            last = (int) position[0];
            count++;
        }

        @Override
        public int count() {
            return count;
        }

        @Override
        public void updateMetricAndRestart() {
            updates.add(new int[] {first, last});
            count = 0;
        }
    }

    @Test
    void updatesEveryTenDrawsEarlyThenEveryEightyThenOnceAtTheEndOfTheMetricPart() {
        // 400 iterations: early part [0, 120), metric until 340, the last 60 tune the step size only.
        List<Integer> expected = new ArrayList<>();
        for (int i = 9; i < 120; i += 10) {
            expected.add(i);
        }
        expected.addAll(List.of(199, 279, 339));
        assertThat(SwitchingWindows.updateIterations(400)).isEqualTo(expected);
        SwitchingWindows windows = new SwitchingWindows(400, new Recording(new ArrayList<>()),
                new Recording(new ArrayList<>()));
        assertThat(windows.earlyEnd()).isEqualTo(120);
        assertThat(windows.metricEnd()).isEqualTo(340);
    }

    @Test
    void eachUpdateUsesTheLatestOneToTwoSpansOfDraws() {
        List<int[]> updates = new ArrayList<>();
        SwitchingWindows windows = new SwitchingWindows(400, new Recording(updates), new Recording(updates));
        for (int i = 0; i < 400; i++) {
            windows.learn(new double[] {i}, new double[] {0});
        }
        assertThat(updates).hasSize(15);
        assertThat(updates.get(0)).containsExactly(0, 9);
        assertThat(updates.get(1)).containsExactly(0, 19);
        assertThat(updates.get(2)).containsExactly(10, 29);
        assertThat(updates.get(11)).containsExactly(100, 119);
        // The first late update holds the last early span and 80 late draws.
        assertThat(updates.get(12)).containsExactly(110, 199);
        assertThat(updates.get(13)).containsExactly(120, 279);
        // The last uses what the foreground holds: 80 draws before the last span and its 60.
        assertThat(updates.get(14)).containsExactly(200, 339);
    }

    @Test
    void shortWarmupsAndUnadaptedMetricsNeverUpdate() {
        assertThat(SwitchingWindows.updateIterations(19)).isEmpty();
        SwitchingWindows unit = new SwitchingWindows(400, null, null);
        for (int i = 0; i < 400; i++) {
            assertThat(unit.learn(new double[] {i}, new double[] {0})).isFalse();
        }
    }
}
