package dev.mmm.spark;

import dev.mmm.core.model.ModelSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * Many models as one Spark job: a long table with one or more group columns, one model per
 * group, each fitted inside an executor.
 *
 * <pre>{@code
 * Dataset<Row> table = spark.read().parquet("s3a://bucket/sales/");
 * Dataset<Row> result = BatchFit.builder()
 *         .groupColumns("region", "store")
 *         .plan(GroupPlan.shared(spec, SamplerPlan.of(4, 1000, 1000)))
 *         .masterSeed(1)
 *         .output("s3a://bucket/fits")          // optional: each group's fit folder
 *         .build()
 *         .run(table)
 *         .persist();                           // the fits run once, on the first action
 * }</pre>
 *
 * <p>The result has one row per group ({@link GroupResult#schema}). Each group's seed comes from
 * the master seed and the group's key ({@link GroupKey#seed}), so its draws are bit for bit
 * those of {@code mmm fit --seed <seed>} on its rows alone, whatever the partitioning, the
 * executors' thread count or a task's retries. A group whose data is bad gets its error in its
 * row; the other groups go on.
 *
 * <p>The result is a lazy Dataset: every action on it fits the groups again (with the same
 * answers). Persist it, or write it once, before looking at it twice. Finding the groups runs
 * one small job ({@code distinct} over the group columns) when {@link #run} is called.
 */
public final class BatchFit {

    private final List<String> groupColumns;
    private final GroupPlan plan;
    private final long masterSeed;
    private final String output;
    private final int partitions;

    private BatchFit(Builder b) {
        this.groupColumns = List.copyOf(b.groupColumns);
        this.plan = Objects.requireNonNull(b.plan, "plan (the spec and sampler settings) must be given");
        this.masterSeed = b.masterSeed;
        this.output = b.output;
        this.partitions = b.partitions;
        checkGroupColumns(groupColumns, GroupResult.COLUMNS);
    }

    /** At least one group column, none named twice, none with the name of a result column. */
    static void checkGroupColumns(List<String> groupColumns, List<String> resultColumns) {
        if (groupColumns.isEmpty()) {
            throw new IllegalArgumentException("at least one group column is needed");
        }
        if (new LinkedHashSet<>(groupColumns).size() != groupColumns.size()) {
            throw new IllegalArgumentException("a group column is named twice: " + groupColumns);
        }
        for (String column : groupColumns) {
            if (resultColumns.contains(column)) {
                throw new IllegalArgumentException("group column '" + column + "' has the name of a result column ("
                        + String.join(", ", resultColumns) + "); rename it");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fits every group of {@code table}; see the class comment. */
    public Dataset<Row> run(Dataset<Row> table) throws IOException {
        SparkSession spark = table.sparkSession();
        StructType schema = table.schema();
        List<String> present = List.of(schema.fieldNames());
        for (String column : groupColumns) {
            requireColumn(present, column, "group");
        }
        Dataset<Row> source = table;
        if (plan instanceof GroupPlan.SharedPlan shared) {
            // One spec for all: check its columns here, on the driver, and ship only those.
            ModelSpec spec = ModelSpec.fromJson(shared.specJson());
            Set<String> keep = new LinkedHashSet<>(groupColumns);
            keep.add(requireColumn(present, spec.dateColumn(), "date"));
            for (String column : GroupFitter.neededColumns(spec)) {
                keep.add(requireColumn(present, column, "model"));
            }
            source = table.select(keep.stream().map(functions::col).toArray(Column[]::new));
        }
        StructType resultSchema = GroupResult.schema(groupColumns);
        GroupedTable grouped = GroupedTable.of(source, groupColumns, partitions);
        if (grouped == null) {
            return spark.createDataFrame(List.of(), resultSchema);
        }
        FitOutput fitOutput = null;
        if (output != null) {
            fitOutput = FitOutput.to(output, spark.sparkContext().hadoopConfiguration());
            fitOutput.createRoot();
        }
        FitOutput out = fitOutput;
        GroupPlan groupPlan = plan;
        long seed = masterSeed;
        List<String> keyColumns = groupColumns;
        List<String> columns = grouped.columns();
        JavaRDD<Row> results = grouped.groups()
                .map(group -> GroupFitter.fit(GroupKey.parse(keyColumns, group._1()), columns, group._2(), groupPlan,
                        seed, out).toRow());
        return spark.createDataFrame(results, resultSchema);
    }

    static String requireColumn(List<String> present, String column, String role) {
        if (!present.contains(column)) {
            throw new IllegalArgumentException(role + " column '" + column + "' not found; the table's columns are: "
                    + String.join(", ", present));
        }
        return column;
    }

    /** Builds a {@link BatchFit}: group columns and a plan are required. */
    public static final class Builder {
        private final List<String> groupColumns = new ArrayList<>();
        private GroupPlan plan;
        private long masterSeed = 1;
        private String output;
        private int partitions;

        private Builder() {
        }

        /** The columns whose values pick out one model's rows. */
        public Builder groupColumns(String... columns) {
            groupColumns.addAll(List.of(columns));
            return this;
        }

        /** Spec and sampler settings, shared ({@link GroupPlan#shared}) or per group. */
        public Builder plan(GroupPlan plan) {
            this.plan = plan;
            return this;
        }

        /** The seed each group's seed is derived from (default 1). */
        public Builder masterSeed(long seed) {
            this.masterSeed = seed;
            return this;
        }

        /** A folder (local path or any Hadoop URI) to write each group's fit folder under; none by default. */
        public Builder output(String root) {
            this.output = root;
            return this;
        }

        /** Tasks to spread the groups over (default: one per group). The answers do not depend on it. */
        public Builder partitions(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("partitions must be at least 1, got " + n);
            }
            this.partitions = n;
            return this;
        }

        public BatchFit build() {
            return new BatchFit(this);
        }
    }
}
