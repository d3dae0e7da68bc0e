package dev.mmm.sampler.adapt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdaptationWindowsTest {

    @Test
    void stanDefaultsFor1000WarmupIterations() {
        assertThat(AdaptationWindows.windowEnds(1000, 75, 50, 25)).containsExactly(99, 149, 249, 449, 949);
    }

    @Test
    void lastWindowIsStretchedToTheTerminalBuffer() {
        // 75 + 25, 50, 100, 200 ends at 449; 400 more would end at 849, leaving less than 800: stretch to 1949.
        assertThat(AdaptationWindows.windowEnds(2000, 75, 50, 25)).containsExactly(99, 149, 249, 449, 849, 1949);
        assertThat(AdaptationWindows.windowEnds(150, 75, 50, 25)).containsExactly(99);
        assertThat(AdaptationWindows.windowEnds(200, 75, 50, 25)).containsExactly(99, 149);
    }

    @Test
    void shortWarmupFallsBackTo15And75And10Percent() {
        AdaptationWindows windows = new AdaptationWindows(100);
        assertThat(windows.initBuffer()).isEqualTo(15);
        assertThat(windows.baseWindow()).isEqualTo(75);
        assertThat(windows.termBuffer()).isEqualTo(10);
        assertThat(AdaptationWindows.windowEnds(100, 75, 50, 25)).containsExactly(89);
        assertThat(AdaptationWindows.windowEnds(30, 75, 50, 25)).containsExactly(26);
    }

    @Test
    void noMetricAdaptationBelow20WarmupIterations() {
        assertThat(AdaptationWindows.windowEnds(19, 75, 50, 25)).isEmpty();
        AdaptationWindows windows = new AdaptationWindows(19);
        for (int i = 0; i < 19; i++) {
            assertThat(windows.inWindow()).isFalse();
            windows.advance();
        }
        assertThat(AdaptationWindows.windowEnds(20, 75, 50, 25)).containsExactly(17);
    }

    @Test
    void drawsAreCollectedOnlyInsideSlowWindows() {
        AdaptationWindows windows = new AdaptationWindows(1000);
        int collected = 0;
        int first = -1;
        int last = -1;
        for (int i = 0; i < 1000; i++) {
            if (windows.inWindow()) {
                collected++;
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
            if (windows.endOfWindow()) {
                windows.computeNextWindow();
            }
            windows.advance();
        }
        assertThat(first).isEqualTo(75);
        assertThat(last).isEqualTo(949);
        assertThat(collected).isEqualTo(875);
    }
}
