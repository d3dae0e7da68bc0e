package dev.mmm.core.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of periods: one date per row and named numeric columns, in row order.
 * Immutable: arrays are copied in and out.
 */
public final class Dataset {

    private final String dateColumn;
    private final LocalDate[] dates;
    private final LinkedHashMap<String, double[]> columns;

    private Dataset(String dateColumn, LocalDate[] dates, LinkedHashMap<String, double[]> columns) {
        this.dateColumn = dateColumn;
        this.dates = dates;
        this.columns = columns;
    }

    /**
     * @param dateColumn name of the date column (kept for messages and output)
     * @param dates      one date per row
     * @param columns    numeric columns, each with one value per row, in the order to keep
     */
    public static Dataset of(String dateColumn, LocalDate[] dates, Map<String, double[]> columns) {
        if (dates == null || dates.length == 0) {
            throw new DataException("the data set has no rows");
        }
        LinkedHashMap<String, double[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            if (e.getValue().length != dates.length) {
                throw new DataException("column '" + e.getKey() + "' has " + e.getValue().length
                        + " values but there are " + dates.length + " rows");
            }
            copy.put(e.getKey(), e.getValue().clone());
        }
        return new Dataset(dateColumn, dates.clone(), copy);
    }

    public String dateColumn() {
        return dateColumn;
    }

    public int rows() {
        return dates.length;
    }

    public LocalDate[] dates() {
        return dates.clone();
    }

    public LocalDate date(int row) {
        return dates[row];
    }

    public boolean hasColumn(String name) {
        return columns.containsKey(name);
    }

    public List<String> columnNames() {
        return Collections.unmodifiableList(new ArrayList<>(columns.keySet()));
    }

    /** A copy of the named column. */
    public double[] column(String name) {
        double[] values = columns.get(name);
        if (values == null) {
            throw new DataException("column '" + name + "' not found; the columns are: "
                    + String.join(", ", columns.keySet()));
        }
        return values.clone();
    }

    /** The same rows with column {@code name} replaced (or added) by {@code values}. */
    public Dataset withColumn(String name, double[] values) {
        if (values.length != dates.length) {
            throw new DataException("column '" + name + "' has " + values.length + " values but there are "
                    + dates.length + " rows");
        }
        LinkedHashMap<String, double[]> copy = new LinkedHashMap<>(columns);
        copy.put(name, values.clone());
        return new Dataset(dateColumn, dates, copy);
    }

    /** Rows [from, to) as a new data set (time-slice cross-validation, refresh). */
    public Dataset slice(int from, int to) {
        if (from < 0 || to > dates.length || from >= to) {
            throw new IllegalArgumentException("bad row range [" + from + ", " + to + ") of " + dates.length);
        }
        LinkedHashMap<String, double[]> sliced = new LinkedHashMap<>();
        columns.forEach((k, v) -> sliced.put(k, Arrays.copyOfRange(v, from, to)));
        return new Dataset(dateColumn, Arrays.copyOfRange(dates, from, to), sliced);
    }
}
