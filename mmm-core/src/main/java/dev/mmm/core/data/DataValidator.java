package dev.mmm.core.data;

import dev.mmm.core.numeric.Collinearity;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a data set against the columns a model needs before anything is fitted.
 *
 * <p>Problems that make a fit meaningless throw a {@link DataException} with a one-line message
 * naming the column and the row; rows are numbered as a spreadsheet shows a file read by
 * {@link CsvReader}: the header is row 1, data row {@code i} (0-based) is row {@code i + 2}. The
 * row's date is given too. Problems that only weaken a fit come back as warnings.
 */
public final class DataValidator {

    /** Above this variance inflation factor a column is reported as collinear (the usual rule of thumb). */
    public static final double VIF_WARNING = 10.0;
    /** A channel with spend in a smaller share of periods than this is reported as sparse. */
    public static final double MIN_ACTIVE_SHARE = 0.05;

    private DataValidator() {
    }

    /** Spreadsheet row number of 0-based data row {@code i}, the header being row 1. */
    public static int spreadsheetRow(int i) {
        return i + 2;
    }

    /** Number of parameters of the default model (MODEL.md): intercept, alpha/lam/beta per channel, gamma per control, 2 Fourier terms per order, sigma. */
    public static int defaultModelParameterCount(int channels, int controls, int fourierOrder) {
        return 1 + 3 * channels + controls + 2 * fourierOrder + 1;
    }

    /**
     * Validates {@code data} for a model with the given columns.
     *
     * @param maxLag         adstock length L (rows before the first that the adstock would reach)
     * @param parameterCount number of model parameters
     * @return warnings, one line each, possibly empty
     * @throws DataException for the first error found
     */
    public static List<String> validate(Dataset data, String target, List<String> channels, List<String> controls,
                                        int maxLag, int parameterCount) {
        if (target == null || target.isBlank()) {
            throw new DataException("no target column given");
        }
        if (channels == null || channels.isEmpty()) {
            throw new DataException("no channel columns given");
        }
        List<String> controlList = controls == null ? List.of() : controls;
        checkRoles(data, target, channels, controlList);

        LocalDate[] dates = data.dates();
        int n = dates.length;
        checkDates(data.dateColumn(), dates);

        for (String name : concat(List.of(target), channels, controlList)) {
            checkFinite(name, data.column(name), dates);
        }
        for (String channel : channels) {
            double[] x = data.column(channel);
            for (int i = 0; i < n; i++) {
                if (x[i] < 0) {
                    throw new DataException("channel '" + channel + "', row " + spreadsheetRow(i) + " (" + dates[i]
                            + "): negative spend " + x[i]);
                }
            }
            if (Arrays.stream(x).allMatch(v -> v == 0)) {
                throw new DataException("channel '" + channel + "' is zero in every row; its effect cannot be estimated, drop it");
            }
        }
        double[] y = data.column(target);
        if (Arrays.stream(y).allMatch(v -> v == y[0])) {
            throw new DataException("target '" + target + "' is constant (" + y[0] + " in every row); there is nothing to explain");
        }
        if (Arrays.stream(y).max().orElse(0) <= 0) {
            throw new DataException("target '" + target + "' has no positive value; the model scales it by its maximum");
        }
        int needed = Math.max(parameterCount, 1) + Math.max(maxLag, 0);
        if (n < needed) {
            throw new DataException("only " + n + " rows: a model with " + parameterCount + " parameters and an adstock of "
                    + maxLag + " periods needs at least " + needed + " rows");
        }

        List<String> warnings = new ArrayList<>();
        for (String channel : channels) {
            double[] x = data.column(channel);
            long active = Arrays.stream(x).filter(v -> v > 0).count();
            if (active < MIN_ACTIVE_SHARE * n) {
                warnings.add(String.format(Locale.ROOT,
                        "channel '%s' has spend in only %d of %d periods (%.1f%%); its effect will be poorly identified",
                        channel, active, n, 100.0 * active / n));
            }
        }
        warnings.addAll(collinearityWarnings(data, concat(channels, controlList)));
        return warnings;
    }

    private static void checkRoles(Dataset data, String target, List<String> channels, List<String> controls) {
        Set<String> seen = new HashSet<>();
        for (String name : concat(List.of(target), channels, controls)) {
            if (name == null || name.isBlank()) {
                throw new DataException("an empty column name was given");
            }
            if (!data.hasColumn(name)) {
                throw new DataException("column '" + name + "' not found; the columns are: " + String.join(", ", data.columnNames()));
            }
            if (!seen.add(name)) {
                throw new DataException("column '" + name + "' is given more than once (as target, channel or control)");
            }
        }
    }

    private static void checkFinite(String column, double[] values, LocalDate[] dates) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new DataException("column '" + column + "', row " + spreadsheetRow(i) + " (" + dates[i] + "): "
                        + (Double.isNaN(values[i]) ? "NaN (missing values are not allowed)" : "infinite value"));
            }
        }
    }

    /**
     * Dates must be strictly increasing without gaps. The cadence is the median gap: 1 day
     * (daily), 7 days (weekly), 28 to 31 days (monthly, one calendar month apart), otherwise every
     * gap must equal the median.
     */
    static void checkDates(String column, LocalDate[] dates) {
        int n = dates.length;
        for (int i = 1; i < n; i++) {
            int cmp = dates[i].compareTo(dates[i - 1]);
            if (cmp == 0) {
                throw new DataException("date column '" + column + "': duplicate date " + dates[i] + " in rows "
                        + spreadsheetRow(i - 1) + " and " + spreadsheetRow(i));
            }
            if (cmp < 0) {
                throw new DataException("date column '" + column + "': dates are not sorted, row " + spreadsheetRow(i) + " ("
                        + dates[i] + ") comes after row " + spreadsheetRow(i - 1) + " (" + dates[i - 1] + "); sort the file by date");
            }
        }
        if (n < 3) {
            return;
        }
        long[] gaps = new long[n - 1];
        for (int i = 1; i < n; i++) {
            gaps[i - 1] = ChronoUnit.DAYS.between(dates[i - 1], dates[i]);
        }
        long[] sorted = gaps.clone();
        Arrays.sort(sorted);
        long median = sorted[sorted.length / 2];
        boolean monthly = median >= 28 && median <= 31;
        String cadence = median == 1 ? "daily" : median == 7 ? "weekly" : monthly ? "monthly" : "every " + median + " days";
        for (int i = 1; i < n; i++) {
            boolean ok = monthly ? sameDayNextMonth(dates[i - 1], dates[i]) : gaps[i - 1] == median;
            if (!ok) {
                throw new DataException("date column '" + column + "': row " + spreadsheetRow(i) + " (" + dates[i] + ") is "
                        + gaps[i - 1] + " days after row " + spreadsheetRow(i - 1) + " (" + dates[i - 1] + ") but the data are "
                        + cadence + "; fill the gap (zero spend) or remove the extra row");
            }
        }
    }

    private static boolean sameDayNextMonth(LocalDate previous, LocalDate next) {
        if (previous.plusMonths(1).equals(next)) {
            return true;
        }
        // Month ends: 2020-01-31 then 2020-02-29 then 2020-03-31.
        return next.getDayOfMonth() == next.lengthOfMonth() && previous.getDayOfMonth() == previous.lengthOfMonth()
                && ChronoUnit.MONTHS.between(previous.withDayOfMonth(1), next.withDayOfMonth(1)) == 1;
    }

    /**
     * Variance inflation factor of each non-constant column against the others (with an
     * intercept): {@code 1 / (1 - R^2)} of the column regressed on the rest
     * ({@link Collinearity}).
     */
    static List<String> collinearityWarnings(Dataset data, List<String> names) {
        List<String> warnings = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(data.column(name));
        }
        double[] vifs = Collinearity.varianceInflationFactors(columns);
        for (int j = 0; j < names.size(); j++) {
            double[] v = columns.get(j);
            if (Arrays.stream(v).allMatch(x -> x == v[0])) {
                warnings.add("column '" + names.get(j) + "' is constant; it cannot be told apart from the intercept");
            }
        }
        for (int j = 0; j < names.size(); j++) {
            double vif = vifs[j];
            if (vif > VIF_WARNING) {
                warnings.add(Double.isInfinite(vif)
                        ? "column '" + names.get(j) + "' is an exact linear combination of the other channels and controls; their effects cannot be separated"
                        : String.format(Locale.ROOT,
                        "column '%s' is strongly collinear with the other channels and controls (VIF %.1f > %.0f); their effects will be hard to separate",
                        names.get(j), vif, VIF_WARNING));
            }
        }
        return warnings;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }
}
