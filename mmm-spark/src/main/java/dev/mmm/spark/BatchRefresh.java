package dev.mmm.spark;

import dev.mmm.core.analysis.Refresh;
import dev.mmm.core.model.MmmFit;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A batch refresh: every group of a long table (its old periods and its new ones) refitted from
 * its previous fit, as {@code mmm refresh} does for one fit folder, inside the executors.
 *
 * <pre>{@code
 * Dataset<Row> result = BatchRefresh.builder()
 *         .groupColumns("region", "store")
 *         .previous("s3a://bucket/fits/2026-11")   // a previous batch's output: <group>/ fit folders
 *         .output("s3a://bucket/fits/2026-12")
 *         .masterSeed(2)
 *         .build()
 *         .run(table)
 *         .persist();
 * }</pre>
 *
 * <p>Each group's previous fit is {@code previous/<group>/} ({@link GroupKey#folder()}, the layout
 * {@link BatchFit} writes); its spec is refitted on the group's rows, each chain starting where the
 * previous chain ended with its step size and metric ({@link Refresh#warmStart}), with the group's
 * seed ({@link GroupKey#seed}, the same rule as {@link BatchFit}), so a group's draws are bit for
 * bit those of {@code Mmm.fit(spec, rows, settings(seed), Refresh.warmStart(previous, rows, chains))}
 * however Spark splits the work or retries it. The rows must hold more periods than the previous
 * fit. A group without a previous fit gets an error row (fit it with {@link BatchFit} first); a
 * failing group never stops the others. The result ({@link RefreshResult#schema}) adds to the
 * fit's columns the drift of each channel, and each written folder holds {@code drift.json}.
 */
public final class BatchRefresh {

    private final List<String> groupColumns;
    private final String previous;
    private final String output;
    private final long masterSeed;
    private final Settings settings;
    private final int partitions;

    /**
     * Chains, warm-up and draws of the refits; a null count is the previous fit's (as {@code mmm refresh}).
     */
    public record Settings(Integer chains, int warmup, Integer draws) implements Serializable {

        private static final long serialVersionUID = 1L;

        public Settings {
            if (chains != null && chains < 1 || draws != null && draws < 1 || warmup < 0) {
                throw new IllegalArgumentException("chains and draws must be at least 1 and warm-up at least 0, got "
                        + chains + ", " + draws + " and " + warmup);
            }
        }

        /** The sampler plan for a refit of {@code previous}. */
        SamplerPlan samplerFor(MmmFit previous) {
            int n = chains != null ? chains : previous.posterior().chains();
            int kept = draws != null ? draws : Math.max(1, previous.posterior().run().drawsRequested());
            return SamplerPlan.of(n, warmup, kept);
        }
    }

    private BatchRefresh(Builder b) {
        this.groupColumns = List.copyOf(b.groupColumns);
        this.previous = Objects.requireNonNull(b.previous, "previous (the previous batch's output folder) must be given");
        this.output = b.output;
        this.masterSeed = b.masterSeed;
        this.settings = new Settings(b.chains, b.warmup, b.draws);
        this.partitions = b.partitions;
        BatchFit.checkGroupColumns(groupColumns, RefreshResult.COLUMNS);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Refreshes every group of {@code table} (all its periods); see the class comment. */
    public Dataset<Row> run(Dataset<Row> table) throws IOException {
        SparkSession spark = table.sparkSession();
        List<String> present = List.of(table.schema().fieldNames());
        for (String column : groupColumns) {
            BatchFit.requireColumn(present, column, "group");
        }
        GroupedTable grouped = GroupedTable.of(table, groupColumns, partitions);
        if (grouped == null) {
            return spark.createDataFrame(List.of(), RefreshResult.schema(groupColumns));
        }
        FitOutput from = FitOutput.to(previous, spark.sparkContext().hadoopConfiguration());
        FitOutput fitOutput = null;
        if (output != null) {
            fitOutput = FitOutput.to(output, spark.sparkContext().hadoopConfiguration());
            fitOutput.createRoot();
        }
        FitOutput out = fitOutput;
        Settings refit = settings;
        long seed = masterSeed;
        List<String> keyColumns = groupColumns;
        List<String> columns = grouped.columns();
        JavaRDD<Row> results = grouped.groups()
                .map(group -> GroupRefresher.refresh(GroupKey.parse(keyColumns, group._1()), columns, group._2(), from,
                        refit, seed, out).toRow());
        return spark.createDataFrame(results, RefreshResult.schema(groupColumns));
    }

    /** Builds a {@link BatchRefresh}: group columns and the previous batch's folder are required. */
    public static final class Builder {
        private final List<String> groupColumns = new ArrayList<>();
        private String previous;
        private String output;
        private long masterSeed = 1;
        private Integer chains;
        private int warmup = Refresh.DEFAULT_WARMUP;
        private Integer draws;
        private int partitions;

        private Builder() {
        }

        /** The columns whose values pick out one model's rows (those of the previous batch). */
        public Builder groupColumns(String... columns) {
            groupColumns.addAll(List.of(columns));
            return this;
        }

        /** The previous batch's output folder (local path or Hadoop URI), holding {@code <group>/} fit folders. */
        public Builder previous(String root) {
            this.previous = root;
            return this;
        }

        /** A folder to write each refreshed group's fit folder under; none by default. */
        public Builder output(String root) {
            this.output = root;
            return this;
        }

        /** The seed each group's seed is derived from (default 1); give each refresh its own. */
        public Builder masterSeed(long seed) {
            this.masterSeed = seed;
            return this;
        }

        /** Chains of each refit (default: the previous fit's). */
        public Builder chains(int n) {
            this.chains = n;
            return this;
        }

        /** Warm-up iterations per chain (default {@link Refresh#DEFAULT_WARMUP}). */
        public Builder warmup(int n) {
            this.warmup = n;
            return this;
        }

        /** Kept draws per chain (default: the previous fit's). */
        public Builder draws(int n) {
            this.draws = n;
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

        public BatchRefresh build() {
            return new BatchRefresh(this);
        }
    }
}
