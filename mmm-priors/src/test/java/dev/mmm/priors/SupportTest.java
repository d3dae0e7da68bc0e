package dev.mmm.priors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SupportTest {
    @Test
    void containsItsBoundsAndRejectsReversedOnes() {
        assertThat(Support.UNIT_INTERVAL.contains(0.0)).isTrue();
        assertThat(Support.UNIT_INTERVAL.contains(1.0)).isTrue();
        assertThat(Support.POSITIVE.contains(-1e-300)).isFalse();
        assertThat(new Support(2, 2).isPoint()).isTrue();
        assertThatThrownBy(() -> new Support(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
