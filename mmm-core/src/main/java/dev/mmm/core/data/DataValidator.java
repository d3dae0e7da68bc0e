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
        // First, since every later check is moot on too short a series.
        int needed = Math.max(parameterCount, 1) + Math.max(maxLag, 0);
        if (n < needed) {
            throw new DataException("only " + n + " rows: a model with " + parameterCount + " parameters and an adstock of "
                    + maxLag + " periods needs at least " + needed + " rows");
        }
        checkDates(data);

        for (String name : concat(List.of(target), channels, controlList)) {
            checkFinite(name, data);
        }
        for (String channel : channels) {
            double[] x = data.column(channel);
            for (int i = 0; i < n; i++) {
                if (x[i] < 0) {
                    throw new DataException("channel '" + MessageText.value(channel) + "', row " + data.sourceRow(i) + " ("
                            + dates[i] + "): negative spend " + x[i]);
                }
            }
            if (Arrays.stream(x).allMatch(v -> v == 0)) {
                throw new DataException("channel '" + MessageText.value(channel)
                        + "' is zero in every row; its effect cannot be estimated, drop it");
            }
        }
        double[] y = data.column(target);
        if (Arrays.stream(y).allMatch(v -> v == y[0])) {
            throw new DataException("target '" + MessageText.value(target) + "' is constant (" + y[0]
                    + " in every row); there is nothing to explain");
        }
        if (Arrays.stream(y).max().orElse(0) <= 0) {
            throw new DataException("target '" + MessageText.value(target)
                    + "' has no positive value; the model scales it by its maximum");
        }

        List<String> warnings = new ArrayList<>();
        for (String channel : channels) {
            double[] x = data.column(channel);
            long active = Arrays.stream(x).filter(v -> v > 0).count();
            if (active < MIN_ACTIVE_SHARE * n) {
                warnings.add(String.format(Locale.ROOT,
                        "channel '%s' has spend in only %d of %d periods (%.1f%%); its effect will be poorly identified",
                        MessageText.value(channel), active, n, 100.0 * active / n));
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
            if (name.equals(data.dateColumn())) {
                throw new DataException("column '" + MessageText.value(name) + "' is the date column and cannot also be numeric");
            }
            if (!data.hasColumn(name)) {
                throw new DataException("column '" + MessageText.value(name) + "' not found; the columns are: "
                        + MessageText.names(data.columnNames()));
            }
            if (!seen.add(name)) {
                throw new DataException("column '" + MessageText.value(name)
                        + "' is given more than once (as target, channel or control)");
            }
        }
    }

    private static void checkFinite(String column, Dataset data) {
        double[] values = data.column(column);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new DataException("column '" + MessageText.value(column) + "', row " + data.sourceRow(i) + " ("
                        + data.date(i) + "): "
                        + (Double.isNaN(values[i]) ? "NaN (missing values are not allowed)" : "infinite value"));
            }
        }
    }

    /** Rows numbered as a spreadsheet shows them: 0-based row {@code i} is row {@code i + 2}. */
    static void checkDates(String column, LocalDate[] dates) {
        java.util.Map<String, double[]> none = java.util.Map.of();
        checkDates(Dataset.of(column, dates, none));
    }

    /**
     * Dates must be strictly increasing without gaps. The cadence is read from the median gap and
     * checked on the calendar: 1 day (daily), 7 days (weekly), 28 to 31 days (monthly), 89 to 92
     * (quarterly), 365 or 366 (yearly); the last three must fall one, three or twelve calendar
     * months apart (the same day of the month as the first date, or month ends). Any other
     * median makes every gap equal to it.
     */
    static void checkDates(Dataset data) {
        String column = MessageText.value(data.dateColumn());
        LocalDate[] dates = data.dates();
        int n = dates.length;
        for (int i = 1; i < n; i++) {
            int cmp = dates[i].compareTo(dates[i - 1]);
            if (cmp == 0) {
                throw new DataException("date column '" + column + "': duplicate date " + dates[i] + " in rows "
                        + data.sourceRow(i - 1) + " and " + data.sourceRow(i));
            }
            if (cmp < 0) {
                throw new DataException("date column '" + column + "': dates are not sorted, row " + data.sourceRow(i) + " ("
                        + dates[i] + ") comes after row " + data.sourceRow(i - 1) + " (" + dates[i - 1]
                        + "); sort the file by date");
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
        int months = calendarMonths(median);
        String cadence = switch (months) {
            case 1 -> "monthly";
            case 3 -> "quarterly";
            case 12 -> "yearly";
            default -> median == 1 ? "daily" : median == 7 ? "weekly" : "every " + median + " days";
        };
        for (int i = 1; i < n; i++) {
            boolean ok = months > 0 ? monthsApart(dates[0], i, dates[i - 1], dates[i], months) : gaps[i - 1] == median;
            if (!ok) {
                throw new DataException("date column '" + column + "': row " + data.sourceRow(i) + " (" + dates[i] + ") is "
                        + gaps[i - 1] + " days after row " + data.sourceRow(i - 1) + " (" + dates[i - 1] + ") but the data are "
                        + cadence + "; fill the gap (zero spend) or remove the extra row");
            }
        }
    }

    /** Calendar months per period for a median gap of this many days, or 0 for a fixed number of days. */
    private static int calendarMonths(long medianDays) {
        if (medianDays >= 28 && medianDays <= 31) {
            return 1;
        }
        if (medianDays >= 89 && medianDays <= 92) {
            return 3;
        }
        if (medianDays == 365 || medianDays == 366) {
            return 12;
        }
        return 0;
    }

    /**
     * Whether row {@code i} is {@code months} calendar months after the previous row: the first
     * date moved by {@code i * months} months (so a series on the 30th keeps the 30th after
     * February's 28th), the previous date moved by {@code months}, or both month ends.
     */
    private static boolean monthsApart(LocalDate first, int i, LocalDate previous, LocalDate next, int months) {
        if (first.plusMonths((long) i * months).equals(next) || previous.plusMonths(months).equals(next)) {
            return true;
        }
        return next.getDayOfMonth() == next.lengthOfMonth() && previous.getDayOfMonth() == previous.lengthOfMonth()
                && ChronoUnit.MONTHS.between(previous.withDayOfMonth(1), next.withDayOfMonth(1)) == months;
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
                warnings.add("column '" + MessageText.value(names.get(j)) + "' is constant; it cannot be told apart from the intercept");
            }
        }
        for (int j = 0; j < names.size(); j++) {
            double vif = vifs[j];
            if (vif > VIF_WARNING) {
                warnings.add(Double.isInfinite(vif)
                        ? "column '" + MessageText.value(names.get(j)) + "' is an exact linear combination of the other channels and controls; their effects cannot be separated"
                        : String.format(Locale.ROOT,
                        "column '%s' is strongly collinear with the other channels and controls (VIF %.1f > %.0f); their effects will be hard to separate",
                        MessageText.value(names.get(j)), vif, VIF_WARNING));
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
