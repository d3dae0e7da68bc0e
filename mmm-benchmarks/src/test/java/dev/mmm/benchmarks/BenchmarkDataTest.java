package dev.mmm.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mmm.core.data.Dataset;
import org.junit.jupiter.api.Test;

class BenchmarkDataTest {

    @Test
    void hasTheRequestedShapeAndColumnOrder() {
        Dataset data = BenchmarkData.generate(156, 6, 2, false, 1);
        assertThat(data.rows()).isEqualTo(156);
        assertThat(data.columnNames()).containsExactly("y", "ch1", "ch2", "ch3", "ch4", "ch5", "ch6", "ctrl1", "ctrl2");
        assertThat(data.date(1)).isEqualTo(data.date(0).plusWeeks(1));
        assertThat(BenchmarkData.generate(10, 1, 0, true, 1).date(1))
                .isEqualTo(BenchmarkData.generate(10, 1, 0, true, 1).date(0).plusDays(1));
    }

    @Test
    void spendIsNonNegativeAndNotAllZeroAndTargetIsPositive() {
        Dataset data = BenchmarkData.generate(1040, 12, 2, true, 7);
        for (String channel : BenchmarkData.channelNames(12)) {
            double[] spend = data.column(channel);
            assertThat(java.util.Arrays.stream(spend).boxed()).allSatisfy(s -> assertThat(s).isBetween(0.0, 100.0));
            assertThat(java.util.Arrays.stream(spend).max().orElseThrow()).isPositive();
        }
        assertThat(java.util.Arrays.stream(data.column("y")).boxed()).allSatisfy(v -> assertThat(v).isPositive());
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        Dataset a = BenchmarkData.generate(52, 3, 1, false, 42);
        Dataset b = BenchmarkData.generate(52, 3, 1, false, 42);
        Dataset c = BenchmarkData.generate(52, 3, 1, false, 43);
        assertThat(a.column("y")).containsExactly(b.column("y"));
        assertThat(a.column("ch2")).containsExactly(b.column("ch2"));
        assertThat(a.column("y")).isNotEqualTo(c.column("y"));
    }

    @Test
    void rejectsImpossibleSizes() {
        assertThatThrownBy(() -> BenchmarkData.generate(0, 2, 0, false, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows=0");
    }
}
