package dev.mmm.core.io;

import dev.mmm.core.data.Dataset;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link Dataset} as CSV that {@link dev.mmm.core.data.CsvReader} reads back exactly:
 * the date column first (ISO dates), then every column in order, values by
 * {@link Double#toString(double)} (shortest exact text).
 */
public final class DatasetCsv {

    private DatasetCsv() {
    }

    public static void write(Path file, Dataset data) throws IOException {
        AtomicFiles.writeText(file, out -> write(out, data));
    }

    public static void write(Writer out, Dataset data) throws IOException {
        List<String> names = data.columnNames();
        double[][] columns = new double[names.size()][];
        out.write(DrawsCsv.quote(data.dateColumn()));
        for (int j = 0; j < names.size(); j++) {
            out.write(',');
            out.write(DrawsCsv.quote(names.get(j)));
            columns[j] = data.column(names.get(j));
        }
        out.write('\n');
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < data.rows(); i++) {
            row.setLength(0);
            row.append(data.date(i));
            for (double[] column : columns) {
                row.append(',').append(column[i]);
            }
            row.append('\n');
            out.append(row);
        }
    }
}
