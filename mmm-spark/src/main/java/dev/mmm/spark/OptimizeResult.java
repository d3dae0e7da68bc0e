package dev.mmm.spark;

import dev.mmm.core.optimize.AllocationResult;
import dev.mmm.core.analysis.Interval;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One group's lines of a batch optimisation: one row per channel of its {@link AllocationResult}
 * (window totals, in the data's money), or one error row with no channel. The group's uplift,
 * budget and search outcome are repeated on each of its rows.
 */
final class OptimizeResult {

    /** The result's columns besides the group columns, in order. */
    static final List<String> COLUMNS = List.of("group", "status", "error", "budget", "periods", "channel", "current",
            "optimal", "change", "lower", "upper", "mroas_mean", "mroas_q05", "mroas_q95", "uplift_mean", "uplift_q05",
            "uplift_q95", "converged");

    private OptimizeResult() {
    }

    /**
     * {@code group} (the group's folder), each group column (as text), then {@code status},
     * {@code error}, {@code budget} and {@code periods}, then per channel {@code current},
     * {@code optimal}, {@code change}, {@code lower}, {@code upper} (null: none) over the window,
     * its marginal ROAS at the optimum, the group's uplift (optimal - current incremental target
     * over the window, paired over draws) and whether the search converged.
     */
    static StructType schema(List<String> groupColumns) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("group", DataTypes.StringType, false));
        for (String column : groupColumns) {
            fields.add(DataTypes.createStructField(column, DataTypes.StringType, true));
        }
        fields.add(DataTypes.createStructField("status", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("error", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("budget", DataTypes.DoubleType, true));
        fields.add(DataTypes.createStructField("periods", DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField("channel", DataTypes.StringType, true));
        for (String name : COLUMNS.subList(COLUMNS.indexOf("current"), COLUMNS.indexOf("converged"))) {
            fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, true));
        }
        fields.add(DataTypes.createStructField("converged", DataTypes.BooleanType, true));
        return DataTypes.createStructType(fields);
    }

    /** The rows of an optimised group, one per channel in the model's order. */
    static List<Row> rows(GroupKey key, AllocationResult result) {
        List<Row> rows = new ArrayList<>();
        for (AllocationResult.ChannelAllocation a : result.allocation()) {
            Interval mroas = result.mroas().stream().filter(m -> m.channel().equals(a.channel())).findFirst()
                    .orElseThrow().mroas();
            List<Object> cells = start(key, GroupResult.OK, null, result.budget(), result.periods());
            cells.add(a.channel());
            cells.add(a.current());
            cells.add(a.optimal());
            cells.add(a.change());
            cells.add(a.lower());
            cells.add(Double.isInfinite(a.upper()) ? null : a.upper());
            cells.add(mroas.mean());
            cells.add(mroas.q05());
            cells.add(mroas.q95());
            cells.add(result.uplift().mean());
            cells.add(result.uplift().q05());
            cells.add(result.uplift().q95());
            cells.add(result.search().converged());
            rows.add(RowFactory.create(cells.toArray()));
        }
        return rows;
    }

    /** The one row of a group that could not be optimised. */
    static Row failed(GroupKey key, Double budget, int periods, String error) {
        List<Object> cells = start(key, GroupResult.ERROR, error, budget, periods);
        while (cells.size() < COLUMNS.size() + key.columns().size()) {
            cells.add(null);
        }
        return RowFactory.create(cells.toArray());
    }

    private static List<Object> start(GroupKey key, String status, String error, Double budget, int periods) {
        List<Object> cells = new ArrayList<>();
        cells.add(key.folder());
        cells.addAll(key.values());
        cells.add(status);
        cells.add(error);
        cells.add(budget);
        cells.add(periods);
        return cells;
    }
}
