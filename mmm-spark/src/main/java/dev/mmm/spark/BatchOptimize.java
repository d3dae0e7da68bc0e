package dev.mmm.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * A batch budget optimisation: for every group with a fit folder (a batch's {@code <group>/}),
 * the budget optimiser ({@code core.optimize}, docs/optimize.md) over the {@code periods} after
 * the group's data, inside the executors.
 *
 * <pre>{@code
 * Dataset<Row> budgets = spark.read().option("header", "true").csv("budgets.csv");  // region,store,budget
 * Dataset<Row> plan = BatchOptimize.builder()
 *         .groupColumns("region", "store")
 *         .fits("s3a://bucket/fits/2026-12")
 *         .periods(13)
 *         .budgetColumn("budget")          // or .budget(650_000) for every group
 *         .bound("tv", "0.5x:1.5x")
 *         .build()
 *         .run(budgets);                    // or .runFitted(spark): every ok group of the batch
 * }</pre>
 *
 * <p>Each group's answer is {@code BudgetOptimizer.optimize} of
 * {@code BudgetProblem.builder(PlanningWindow.future(model, periods), PosteriorDraws.of(posterior))}
 * with its budget, the bounds and the objective, on its loaded fit: deterministic, so retries and
 * partitioning change nothing. Budgets and amounts are totals over the window, in the data's
 * money. The result has one row per group and channel ({@link OptimizeResult#schema}); a group
 * without a fit folder or a budget, or whose problem fails, gets one error row and the others go on.
 */
public final class BatchOptimize {

    private final List<String> groupColumns;
    private final String fits;
    private final Settings settings;
    private final Double budget;
    private final String budgetColumn;
    private final int partitions;

    /**
     * What every group's problem shares.
     *
     * @param periods   the window's length after the data
     * @param bounds    per channel, a bound in {@code mmm optimize}'s form ({@code 1000:5000}, {@code 0.5x:1.5x}, {@code locked});
     *                  channels not named get {@code DefaultBounds.standard()}
     * @param objective {@code mean}, {@code mean-sd:K} or {@code cvar:Q}
     */
    public record Settings(int periods, Map<String, String> bounds, String objective) implements Serializable {

        private static final long serialVersionUID = 1L;

        public Settings {
            if (periods < 1) {
                throw new IllegalArgumentException("periods must be at least 1, got " + periods);
            }
            bounds = new LinkedHashMap<>(bounds);
            Objects.requireNonNull(objective, "objective");
        }
    }

    private BatchOptimize(Builder b) {
        this.groupColumns = List.copyOf(b.groupColumns);
        this.fits = Objects.requireNonNull(b.fits, "fits (the batch's output folder) must be given");
        this.settings = new Settings(b.periods, b.bounds, b.objective);
        this.budget = b.budget;
        this.budgetColumn = b.budgetColumn;
        this.partitions = b.partitions;
        if ((budget == null) == (budgetColumn == null)) {
            throw new IllegalArgumentException("give exactly one of a budget for every group and a budget column");
        }
        if (budget != null && !(budget >= 0 && Double.isFinite(budget))) {
            throw new IllegalArgumentException("the budget must be a finite number at least 0, got " + budget);
        }
        BatchFit.checkGroupColumns(groupColumns, OptimizeResult.COLUMNS);
        // Bad bounds or objective fail here, on the driver, not once per group.
        settings.bounds().forEach((channel, text) -> dev.mmm.core.optimize.ChannelBound.parse(text, "bounds " + channel));
        dev.mmm.core.optimize.Objective.parse(settings.objective());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Optimises every group of {@code groups}, a small table with the group columns (and the
     * budget column, if one was named); one row per group (a group named twice is an error).
     */
    public Dataset<Row> run(Dataset<Row> groups) {
        List<String> present = List.of(groups.schema().fieldNames());
        List<Column> wanted = new ArrayList<>();
        for (String column : groupColumns) {
            wanted.add(functions.col(BatchFit.requireColumn(present, column, "group")));
        }
        if (budgetColumn != null) {
            wanted.add(functions.col(BatchFit.requireColumn(present, budgetColumn, "budget")));
        }
        TreeMap<String, String> budgets = new TreeMap<>();
        for (Row row : groups.select(wanted.toArray(new Column[0])).collectAsList()) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < groupColumns.size(); i++) {
                values.add(CellText.of(row.get(i)));
            }
            GroupKey key = new GroupKey(groupColumns, values);
            String amount = budgetColumn == null ? Double.toString(budget) : CellText.of(row.get(groupColumns.size()));
            String before = budgets.put(key.canonicalText(), amount);
            if (before != null && !before.equals(amount)) {
                throw new IllegalArgumentException("group " + key + " has two budgets in column '" + budgetColumn + "': "
                        + before + " and " + amount);
            }
        }
        return optimize(groups.sparkSession(), budgets);
    }

    /** Optimises every group that {@code fits/batch.csv} lists as fitted ({@code status} ok). */
    public Dataset<Row> runFitted(SparkSession spark) {
        String file = fits + "/" + BatchFiles.BATCH_FILE;
        List<Row> listed = spark.read().option("header", "true").option("inferSchema", "false").csv(file)
                .filter(functions.col("status").equalTo(GroupResult.OK)).select("group").collectAsList();
        List<Row> keys = new ArrayList<>();
        for (Row r : listed) {
            GroupKey key = GroupKey.fromFolder(groupColumns, r.getString(0));
            keys.add(RowFactory.create(key.values().toArray()));
        }
        StructType schema = new StructType();
        for (String column : groupColumns) {
            schema = schema.add(column, DataTypes.StringType, true);
        }
        return run(spark.createDataFrame(keys, schema));
    }

    private Dataset<Row> optimize(SparkSession spark, TreeMap<String, String> budgets) {
        StructType schema = OptimizeResult.schema(groupColumns);
        if (budgets.isEmpty()) {
            return spark.createDataFrame(List.of(), schema);
        }
        List<Tuple2<String, String>> work = new ArrayList<>();
        budgets.forEach((key, amount) -> work.add(new Tuple2<>(key, amount)));
        FitOutput from = FitOutput.to(fits, spark.sparkContext().hadoopConfiguration());
        Settings shared = settings;
        List<String> keyColumns = groupColumns;
        String column = budgetColumn;
        int n = partitions > 0 ? partitions : work.size();
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(work, n)
                .flatMap(w -> {
                    GroupKey key = GroupKey.parse(keyColumns, w._1());
                    Double amount;
                    try {
                        amount = budgetOf(w._2(), column, key);
                    } catch (IllegalArgumentException e) {
                        return List.of(OptimizeResult.failed(key, null, shared.periods(), e.getMessage())).iterator();
                    }
                    return GroupOptimizer.optimize(key, amount, from, shared).iterator();
                });
        return spark.createDataFrame(rows, schema);
    }

    /** A budget cell as a number: null if empty; a clear error naming the column if not a number at least 0. */
    static Double budgetOf(String text, String column, GroupKey key) {
        if (text == null || text.isBlank()) {
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("group " + key + ": budget column '" + column + "' is '" + text
                    + "', not a finite number at least 0");
        }
        return value;
    }

    /** Builds a {@link BatchOptimize}: group columns, the fits' folder, the periods and a budget are required. */
    public static final class Builder {
        private final List<String> groupColumns = new ArrayList<>();
        private String fits;
        private int periods;
        private Double budget;
        private String budgetColumn;
        private final Map<String, String> bounds = new LinkedHashMap<>();
        private String objective = "mean";
        private int partitions;

        private Builder() {
        }

        /** The columns of the batch whose fits are optimised. */
        public Builder groupColumns(String... columns) {
            groupColumns.addAll(List.of(columns));
            return this;
        }

        /** The batch's output folder (local path or Hadoop URI), holding {@code <group>/} fit folders. */
        public Builder fits(String root) {
            this.fits = root;
            return this;
        }

        /** The window: this many periods after each group's data. */
        public Builder periods(int n) {
            this.periods = n;
            return this;
        }

        /** The same budget (total over the window) for every group. */
        public Builder budget(double total) {
            this.budget = total;
            return this;
        }

        /** The column of the groups' table that holds each group's budget (total over the window). */
        public Builder budgetColumn(String column) {
            this.budgetColumn = column;
            return this;
        }

        /** A bound on a channel's total, in {@code mmm optimize}'s form: {@code lo:hi}, {@code 0.5x:1.5x} or {@code locked}. */
        public Builder bound(String channel, String bound) {
            bounds.put(channel, bound);
            return this;
        }

        /** {@code mean} (default), {@code mean-sd:K} or {@code cvar:Q}. */
        public Builder objective(String objective) {
            this.objective = objective;
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

        public BatchOptimize build() {
            return new BatchOptimize(this);
        }
    }
}
