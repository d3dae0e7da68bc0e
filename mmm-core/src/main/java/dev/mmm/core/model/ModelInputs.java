package dev.mmm.core.model;

import dev.mmm.core.data.Dataset;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rows to feed a compiled model (see {@link CompiledModel#withInputs}): dates, every channel's
 * spend and every control in the data's units, of which the first {@link #historyRows()} rows
 * only carry adstock into the rest (the "carry-in"). The rows after them are the window.
 */
public final class ModelInputs {

    private final Dataset rows;
    private final int historyRows;

    private ModelInputs(Dataset rows, int historyRows) {
        if (historyRows < 0 || historyRows >= rows.rows()) {
            throw new IllegalArgumentException("history rows must be in [0, " + rows.rows() + "), got " + historyRows);
        }
        this.rows = rows;
        this.historyRows = historyRows;
    }

    /** Rows as given, the first {@code historyRows} of them carry-in only. */
    public static ModelInputs of(Dataset rows, int historyRows) {
        return new ModelInputs(rows, historyRows);
    }

    /**
     * Training rows {@code [from, to)} with up to {@code maxLag - 1} training rows before them as
     * carry-in (fewer at the start of the data, where the training model itself starts from zero
     * spend) and {@code after} more training rows after them (clipped at the data's end).
     */
    public static ModelInputs window(Dataset training, int from, int to, int maxLag, int after) {
        if (from < 0 || to > training.rows() || from >= to) {
            throw new IllegalArgumentException("bad row window [" + from + ", " + to + ") of " + training.rows() + " rows");
        }
        int start = Math.max(0, from - (maxLag - 1));
        int end = Math.min(training.rows(), to + Math.max(0, after));
        return new ModelInputs(training.slice(start, end), from - start);
    }

    /**
     * Future rows after the training data: the last {@code maxLag - 1} training rows carry their
     * adstock into {@code future}, whose columns must hold every channel and control.
     */
    public static ModelInputs after(Dataset training, Dataset future, int maxLag) {
        int history = Math.min(training.rows(), Math.max(0, maxLag - 1));
        if (history == 0) {
            return new ModelInputs(future, 0);
        }
        Dataset tail = training.slice(training.rows() - history, training.rows());
        LocalDate[] dates = new LocalDate[history + future.rows()];
        LocalDate[] tailDates = tail.dates();
        LocalDate[] futureDates = future.dates();
        System.arraycopy(tailDates, 0, dates, 0, history);
        System.arraycopy(futureDates, 0, dates, history, futureDates.length);
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (String name : future.columnNames()) {
            if (!tail.hasColumn(name)) {
                continue;
            }
            double[] joined = new double[dates.length];
            System.arraycopy(tail.column(name), 0, joined, 0, history);
            System.arraycopy(future.column(name), 0, joined, history, future.rows());
            columns.put(name, joined);
        }
        return new ModelInputs(Dataset.of(training.dateColumn(), dates, columns), history);
    }

    /** The same rows with one column replaced (a counterfactual spend, a changed control). */
    public ModelInputs withColumn(String name, double[] values) {
        return new ModelInputs(rows.withColumn(name, values), historyRows);
    }

    /** Every row, carry-in first. */
    public Dataset rows() {
        return rows;
    }

    public int historyRows() {
        return historyRows;
    }

    /** Rows after the carry-in. */
    public int windowRows() {
        return rows.rows() - historyRows;
    }
}
