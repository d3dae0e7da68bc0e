package dev.mmm.spark;

import dev.mmm.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;

/**
 * The batch's own files beside the group folders: {@code batch.csv} (one row per group),
 * {@code channels.csv} (one row per group and channel), a refresh's {@code drift.csv} and an
 * optimisation's {@code allocation.csv}. Numbers are written exactly (shortest
 * round-trip text); an undefined one (a failed group's diagnostics) is an empty cell.
 */
final class BatchFiles {

    static final String BATCH_FILE = "batch.csv";
    static final String CHANNELS_FILE = "channels.csv";
    static final String DRIFT_FILE = "drift.csv";
    static final String ALLOCATION_FILE = "allocation.csv";
    static final List<String> BATCH_COLUMNS = List.of("group", "status", "error", "seed", "divergences", "max_rhat",
            "min_ess_bulk", "wall_seconds");
    private static final List<String> MEASURES = List.of("contribution", "share", "roas", "mroas");
    private static final List<String> STATS = List.of("mean", "q05", "q50", "q95");

    private BatchFiles() {
    }

    /** {@code batch.csv} of result rows ({@link GroupResult#schema}). */
    static String batchCsv(List<Row> rows) {
        return tableCsv(rows, BATCH_COLUMNS);
    }

    /** {@code channels.csv}: group, channel, spend, then mean, q05, q50, q95 of contribution, share, ROAS, marginal ROAS. */
    static String channelsCsv(List<Row> rows) {
        return perChannelCsv(rows, "channels", "spend", MEASURES);
    }

    /**
     * {@code drift.csv} of refresh rows ({@link RefreshResult#schema}): group, channel, moved, then
     * mean, q05, q50, q95 of the old and new ROAS and contribution over the previous fit's periods.
     */
    static String driftCsv(List<Row> rows) {
        return perChannelCsv(rows, "drift", "moved",
                List.of("old_roas", "new_roas", "old_contribution", "new_contribution"));
    }

    /** One line per element of each row's array column: group, channel, one plain field, then each measure's interval. */
    private static String perChannelCsv(List<Row> rows, String arrayColumn, String plain, List<String> measures) {
        StringBuilder csv = new StringBuilder("group,channel,").append(plain);
        for (String measure : measures) {
            for (String stat : STATS) {
                csv.append(',').append(measure).append('_').append(stat);
            }
        }
        csv.append('\n');
        for (Row r : rows) {
            List<Row> channels = r.getList(r.fieldIndex(arrayColumn));
            for (Row c : channels) {
                csv.append(cell(r.getAs("group"))).append(',').append(cell(c.getAs("channel"))).append(',')
                        .append(cell(c.getAs(plain)));
                for (String measure : measures) {
                    Row interval = c.getAs(measure);
                    for (String stat : STATS) {
                        csv.append(',').append(cell(interval.getAs(stat)));
                    }
                }
                csv.append('\n');
            }
        }
        return csv.toString();
    }

    /** Rows of flat cells as CSV, every column of their schema in order. */
    static String tableCsv(List<Row> rows, List<String> columns) {
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
        for (Row r : rows) {
            for (int j = 0; j < columns.size(); j++) {
                if (j > 0) {
                    csv.append(',');
                }
                csv.append(cell(r.getAs(columns.get(j))));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** Writes {@code text} as the file {@code name} in the output's root (local or through Hadoop). */
    static void writeText(FitOutput output, String name, String text) throws IOException {
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(output.root()), name);
        Path local = output.localFolder(target);
        if (local != null) {
            AtomicFiles.writeString(local, text);
            return;
        }
        FileSystem fs = target.getFileSystem(output.configuration());
        try (FSDataOutputStream stream = fs.create(target, true)) {
            stream.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d.isNaN() ? "" : Double.toString(d);
        }
        String text = value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
