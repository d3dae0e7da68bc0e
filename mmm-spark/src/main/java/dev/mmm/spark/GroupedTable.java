package dev.mmm.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import scala.Tuple2;

/**
 * A long table split into its groups, each group's rows (every cell as its text, {@link CellText})
 * in one partition of its own or shared (see {@link KeyIndexPartitioner}), keyed by the group's
 * canonical text ({@link GroupKey#canonicalText()}). Shared by the batch fit and the batch refresh.
 *
 * @param columns the names of each row's cells
 * @param keys    the groups' canonical texts, sorted
 * @param groups  per group, its rows
 */
record GroupedTable(List<String> columns, List<String> keys, JavaPairRDD<String, Iterable<String[]>> groups) {

    /**
     * Groups {@code source} by {@code groupColumns} (which must be in it) over {@code partitions}
     * tasks (0: one per group); runs one small job to find the groups. Null for an empty table.
     */
    static GroupedTable of(Dataset<Row> source, List<String> groupColumns, int partitions) {
        List<String> columns = List.of(source.schema().fieldNames());
        int[] keyIndex = groupColumns.stream().mapToInt(columns::indexOf).toArray();
        List<String> keyColumns = List.copyOf(groupColumns);
        TreeSet<String> keys = new TreeSet<>();
        for (Row row : source.select(keyColumns.stream().map(functions::col).toArray(Column[]::new))
                .distinct().collectAsList()) {
            keys.add(canonical(row, identity(keyIndex.length), keyColumns));
        }
        if (keys.isEmpty()) {
            return null;
        }
        int n = partitions > 0 ? partitions : keys.size();
        KeyIndexPartitioner partitioner = new KeyIndexPartitioner(new ArrayList<>(keys), n);
        JavaPairRDD<String, Iterable<String[]>> groups = source.javaRDD()
                .mapToPair(row -> new Tuple2<>(canonical(row, keyIndex, keyColumns), cells(row)))
                .groupByKey(partitioner);
        return new GroupedTable(columns, new ArrayList<>(keys), groups);
    }

    private static int[] identity(int n) {
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        return index;
    }

    private static String canonical(Row row, int[] keyIndex, List<String> keyColumns) {
        List<String> values = new ArrayList<>(keyIndex.length);
        for (int i : keyIndex) {
            values.add(CellText.of(row.get(i)));
        }
        return new GroupKey(keyColumns, values).canonicalText();
    }

    private static String[] cells(Row row) {
        String[] cells = new String[row.length()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = CellText.of(row.get(i));
        }
        return cells;
    }
}
