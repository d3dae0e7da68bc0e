package dev.mmm.core.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * The training data's calendar, frozen at compile time: where any date sits in training periods,
 * so a trend fitted over the training rows continues past them (and a window cut out of the
 * training data gets exactly the training rows' positions).
 *
 * <p>A training date maps to its row index; any other date maps by the mean spacing of the
 * training dates, counted from the nearest end of the training range.
 */
public final class TimeAxis {

    private final LocalDate[] trainingDates;
    private final double meanSpacingDays;

    public TimeAxis(LocalDate[] trainingDates) {
        if (trainingDates.length == 0) {
            throw new IllegalArgumentException("a time axis needs at least one date");
        }
        this.trainingDates = trainingDates.clone();
        int n = trainingDates.length;
        this.meanSpacingDays = n > 1
                ? ChronoUnit.DAYS.between(trainingDates[0], trainingDates[n - 1]) / (double) (n - 1) : 7.0;
    }

    /** Number of training rows. */
    public int trainingRows() {
        return trainingDates.length;
    }

    public LocalDate firstDate() {
        return trainingDates[0];
    }

    public LocalDate lastDate() {
        return trainingDates[trainingDates.length - 1];
    }

    /** Mean days between consecutive training dates (7 for weekly data). */
    public double meanSpacingDays() {
        return meanSpacingDays;
    }

    /** The row index of {@code date} in training periods (fractional or outside [0, rows-1] off the training dates). */
    public double position(LocalDate date) {
        int i = Arrays.binarySearch(trainingDates, date);
        if (i >= 0) {
            return i;
        }
        int last = trainingDates.length - 1;
        if (date.isAfter(trainingDates[last])) {
            return last + ChronoUnit.DAYS.between(trainingDates[last], date) / meanSpacingDays;
        }
        return ChronoUnit.DAYS.between(trainingDates[0], date) / meanSpacingDays;
    }

    /**
     * The trend's time {@code s = position / (rows - 1)}: 0 at the first training row, 1 at the
     * last, beyond 1 for future periods.
     */
    public double trendTime(LocalDate date) {
        int rows = trainingDates.length;
        return rows > 1 ? position(date) / (rows - 1) : 0.0;
    }
}
