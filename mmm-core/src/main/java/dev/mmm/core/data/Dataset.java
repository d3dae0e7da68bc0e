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
 *
 * <p>A data set read by {@link CsvReader} remembers where each row was in the file
 * ({@link #sourceRow}) and what the reader warned about ({@link #readWarnings}), so that every
 * later check names the row a spreadsheet shows, whatever path (CLI or Java API) it takes.
 */
public final class Dataset {

    private final String dateColumn;
    private final LocalDate[] dates;
    private final LinkedHashMap<String, double[]> columns;
    /** Spreadsheet row of each data row, or null for the default {@code i + 2}. */
    private final int[] sourceRows;
    private final List<String> readWarnings;

    private Dataset(String dateColumn, LocalDate[] dates, LinkedHashMap<String, double[]> columns) {
        this(dateColumn, dates, columns, null, List.of());
    }

    private Dataset(String dateColumn, LocalDate[] dates, LinkedHashMap<String, double[]> columns, int[] sourceRows,
                    List<String> readWarnings) {
        this.dateColumn = dateColumn;
        this.dates = dates;
        this.columns = columns;
        this.sourceRows = sourceRows;
        this.readWarnings = List.copyOf(readWarnings);
    }

    /** This data set with the file rows its rows came from and the reader's warnings. */
    Dataset withSource(int[] rows, List<String> warnings) {
        if (rows.length != dates.length) {
            throw new IllegalArgumentException(rows.length + " source rows for " + dates.length + " rows");
        }
        return new Dataset(dateColumn, dates, columns, rows.clone(), warnings);
    }

    /**
     * The row number of 0-based row {@code i} as a spreadsheet shows the file it was read from
     * (the header is row 1); {@code i + 2} for a data set that was not read from a file.
     */
    public int sourceRow(int i) {
        return sourceRows == null ? i + 2 : sourceRows[i];
    }

    /** What the reader warned about (e.g. an ignored unnamed column), one line each. */
    public List<String> readWarnings() {
        return readWarnings;
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
            throw new DataException("column '" + MessageText.value(name) + "' not found; the columns are: "
                    + MessageText.names(new ArrayList<>(columns.keySet())));
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
        return new Dataset(dateColumn, Arrays.copyOfRange(dates, from, to), sliced,
                sourceRows == null ? null : Arrays.copyOfRange(sourceRows, from, to), readWarnings);
    }
}
