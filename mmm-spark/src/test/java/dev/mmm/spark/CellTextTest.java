package dev.mmm.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.core.data.CsvReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CellTextTest {

    /** What mmm fit's CSV reader makes of a cell's text. */
    private static double readBack(String text) {
        return CsvReader.parse("d,x\n2024-01-01," + text + "\n", "d", List.of("x"), "test").column("x")[0];
    }

    @Test
    void doublesComeBackBitForBitThroughMmmsCsvReader() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            double v = Double.longBitsToDouble(rng.nextLong());
            if (!Double.isFinite(v)) {
                continue;
            }
            assertThat(Double.doubleToRawLongBits(readBack(CellText.of(v)))).isEqualTo(Double.doubleToRawLongBits(v));
        }
        for (double v : new double[] {0.1, 1e-300, 123456789.123, 1e22, -0.0, Double.MIN_VALUE, Double.MAX_VALUE}) {
            assertThat(Double.doubleToRawLongBits(readBack(CellText.of(v)))).isEqualTo(Double.doubleToRawLongBits(v));
        }
    }

    @Test
    void floatsKeepTheirExactValueNotTheirShortText() {
        float f = 0.1f;
        assertThat(readBack(CellText.of(f))).isEqualTo((double) f);
        assertThat(readBack(CellText.of(f))).isNotEqualTo(0.1);
    }

    @Test
    void otherTypes() {
        assertThat(CellText.of(null)).isNull();
        assertThat(CellText.of(" 12.50 ")).isEqualTo(" 12.50 ");
        assertThat(CellText.of(42)).isEqualTo("42");
        assertThat(CellText.of(-7L)).isEqualTo("-7");
        assertThat(CellText.of(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(CellText.of(LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
        assertThat(CellText.of(java.sql.Date.valueOf("2024-02-29"))).isEqualTo("2024-02-29");
        assertThat(CellText.of(java.sql.Timestamp.valueOf("2024-02-29 23:00:00"))).isEqualTo("2024-02-29");
    }
}
