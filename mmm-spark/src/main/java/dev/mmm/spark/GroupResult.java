package dev.mmm.spark;

import dev.mmm.core.analysis.ChannelSummary;
import dev.mmm.core.analysis.Interval;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One group's line of the batch result: whether it fitted, with what seed, the sampler's
 * diagnostics and, per channel, spend, contribution, share, ROAS and marginal ROAS over all the
 * group's rows (as {@link dev.mmm.core.analysis.PosteriorAnalysis#channels} gives them).
 *
 * @param status      {@link #OK} or {@link #ERROR}
 * @param error       the one-line error of a failed group, else null
 * @param fitPath     where the group's fit folder was written, null for a failed group
 * @param wallSeconds the whole group: reading its rows, fitting, analysing, writing
 */
public record GroupResult(GroupKey key, String status, String error, long seed, int chains, int warmup, int draws,
                          long divergences, double maxRhat, double minEssBulk, double wallSeconds, String fitPath,
                          List<ChannelSummary> channels) {

    public static final String OK = "ok";
    public static final String ERROR = "error";

    /** The result's columns besides the group columns, in order. */
    public static final List<String> COLUMNS = List.of("group", "status", "error", "seed", "chains", "warmup", "draws",
            "divergences", "max_rhat", "min_ess_bulk", "wall_seconds", "fit_path", "channels");

    static final StructType INTERVAL = new StructType()
            .add("mean", DataTypes.DoubleType).add("q05", DataTypes.DoubleType)
            .add("q50", DataTypes.DoubleType).add("q95", DataTypes.DoubleType);
    private static final StructType CHANNEL = new StructType()
            .add("channel", DataTypes.StringType, false)
            .add("spend", DataTypes.DoubleType)
            .add("contribution", INTERVAL)
            .add("share", INTERVAL)
            .add("roas", INTERVAL)
            .add("mroas", INTERVAL);

    /** A group that could not be fitted. */
    static GroupResult failed(GroupKey key, long seed, SamplerPlan sampler, String error, double wallSeconds) {
        return new GroupResult(key, ERROR, error, seed, sampler == null ? 0 : sampler.chains(),
                sampler == null ? 0 : sampler.warmup(), sampler == null ? 0 : sampler.draws(), 0, Double.NaN,
                Double.NaN, wallSeconds, null, List.of());
    }

    public boolean ok() {
        return OK.equals(status);
    }

    /**
     * The result table's schema: {@code group} (the group's folder, see {@link GroupKey#folder()}),
     * then each group column by name (as text), then the rest of {@link #COLUMNS}; {@code channels}
     * is an array of {@code {channel, spend, contribution, share, roas, mroas}}, each of the last
     * four a {@code {mean, q05, q50, q95}}.
     */
    public static StructType schema(List<String> groupColumns) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("group", DataTypes.StringType, false));
        for (String column : groupColumns) {
            fields.add(DataTypes.createStructField(column, DataTypes.StringType, true));
        }
        fields.add(DataTypes.createStructField("status", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("error", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("seed", DataTypes.LongType, false));
        fields.add(DataTypes.createStructField("chains", DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField("warmup", DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField("draws", DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField("divergences", DataTypes.LongType, true));
        fields.add(DataTypes.createStructField("max_rhat", DataTypes.DoubleType, true));
        fields.add(DataTypes.createStructField("min_ess_bulk", DataTypes.DoubleType, true));
        fields.add(DataTypes.createStructField("wall_seconds", DataTypes.DoubleType, false));
        fields.add(DataTypes.createStructField("fit_path", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("channels", new ArrayType(CHANNEL, false), false));
        return DataTypes.createStructType(fields);
    }

    /** This result as a row of {@link #schema}. */
    public Row toRow() {
        List<Object> cells = new ArrayList<>();
        cells.add(key.folder());
        cells.addAll(key.values());
        cells.add(status);
        cells.add(error);
        cells.add(seed);
        cells.add(chains);
        cells.add(warmup);
        cells.add(draws);
        cells.add(ok() ? divergences : null);
        cells.add(ok() ? maxRhat : null);
        cells.add(ok() ? minEssBulk : null);
        cells.add(wallSeconds);
        cells.add(fitPath);
        List<Row> channelRows = new ArrayList<>();
        for (ChannelSummary c : channels) {
            channelRows.add(RowFactory.create(c.channel(), c.spend(), interval(c.contribution()), interval(c.share()),
                    interval(c.roas()), interval(c.mroas())));
        }
        // Spark takes an array cell as a Scala Seq.
        cells.add(CollectionConverters.asScala(channelRows).toSeq());
        return RowFactory.create(cells.toArray());
    }

    static Row interval(Interval i) {
        return RowFactory.create(i.mean(), i.q05(), i.q50(), i.q95());
    }
}
