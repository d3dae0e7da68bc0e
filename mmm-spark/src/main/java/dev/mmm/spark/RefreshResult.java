package dev.mmm.spark;

import dev.mmm.core.analysis.Refresh;
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
 * One group's line of a batch refresh: its {@link GroupResult} (the refit), where its previous
 * fit was, and the drift of each channel ({@link Refresh#drift}): ROAS and contribution over the
 * previous fit's periods, old vs new, and whether the new mean left the old 90% interval.
 *
 * @param previousPath the previous fit folder read, null if there was none
 * @param drift        null for a failed group
 */
public record RefreshResult(GroupResult fit, String previousPath, Refresh.DriftReport drift) {

    /** The columns a refresh adds to {@link GroupResult#COLUMNS}. */
    public static final List<String> EXTRA_COLUMNS = List.of("previous_path", "moved", "drift");

    /** Every result column besides the group columns. */
    public static final List<String> COLUMNS;

    static {
        List<String> all = new ArrayList<>(GroupResult.COLUMNS);
        all.addAll(EXTRA_COLUMNS);
        COLUMNS = List.copyOf(all);
    }

    private static final StructType CHANNEL_DRIFT = new StructType()
            .add("channel", DataTypes.StringType, false)
            .add("moved", DataTypes.BooleanType, false)
            .add("old_roas", GroupResult.INTERVAL)
            .add("new_roas", GroupResult.INTERVAL)
            .add("old_contribution", GroupResult.INTERVAL)
            .add("new_contribution", GroupResult.INTERVAL);

    /**
     * {@link GroupResult#schema} then {@code previous_path}, {@code moved} (the channels that
     * moved, an array of names) and {@code drift} (an array of {@code {channel, moved, old_roas,
     * new_roas, old_contribution, new_contribution}}, each interval {@code {mean, q05, q50, q95}}).
     */
    public static StructType schema(List<String> groupColumns) {
        List<StructField> fields = new ArrayList<>(List.of(GroupResult.schema(groupColumns).fields()));
        fields.add(DataTypes.createStructField("previous_path", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("moved", new ArrayType(DataTypes.StringType, false), false));
        fields.add(DataTypes.createStructField("drift", new ArrayType(CHANNEL_DRIFT, false), false));
        return DataTypes.createStructType(fields);
    }

    /** This result as a row of {@link #schema}. */
    public Row toRow() {
        Row base = fit.toRow();
        List<Object> cells = new ArrayList<>(base.length() + EXTRA_COLUMNS.size());
        for (int i = 0; i < base.length(); i++) {
            cells.add(base.get(i));
        }
        cells.add(previousPath);
        List<String> moved = drift == null ? List.of() : drift.movedChannels();
        List<Row> channels = new ArrayList<>();
        if (drift != null) {
            for (Refresh.ChannelDrift c : drift.channels()) {
                channels.add(RowFactory.create(c.channel(), c.moved(), GroupResult.interval(c.oldRoas()),
                        GroupResult.interval(c.newRoas()), GroupResult.interval(c.oldContribution()),
                        GroupResult.interval(c.newContribution())));
            }
        }
        cells.add(CollectionConverters.asScala(moved).toSeq());
        cells.add(CollectionConverters.asScala(channels).toSeq());
        return RowFactory.create(cells.toArray());
    }
}
