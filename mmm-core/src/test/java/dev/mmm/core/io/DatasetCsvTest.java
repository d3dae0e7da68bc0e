package dev.mmm.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.core.data.CsvReader;
import dev.mmm.core.data.Dataset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCsvTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenDatasetReadsBackExactly() throws Exception {
        LocalDate[] dates = {LocalDate.of(2020, 12, 28), LocalDate.of(2021, 1, 4), LocalDate.of(2021, 1, 11)};
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("sales", new double[] {1234.5678901234567, 0.1 + 0.2, 1e-310});
        cols.put("tv, national", new double[] {0, 3.0e8, 12.25});
        cols.put("price", new double[] {-1.5, 2, Math.PI});
        Dataset d = Dataset.of("week", dates, cols);
        DatasetCsv.write(dir.resolve("d.csv"), d);
        Dataset back = CsvReader.read(dir.resolve("d.csv"), "week");
        assertThat(back.columnNames()).containsExactly("sales", "tv, national", "price");
        assertThat(back.dates()).containsExactly(dates);
        for (String c : cols.keySet()) {
            assertThat(back.column(c)).as(c).containsExactly(cols.get(c));
        }
    }
}
