package dev.mmm.report.view;

import java.time.LocalDate;
import java.util.List;

/** Checks on the date axis of time series view models. */
final class Dates {

    private Dates() {
    }

    /** Fails unless the dates are present and strictly increasing; returns an unmodifiable copy. */
    static List<LocalDate> increasing(List<LocalDate> dates, String what) {
        List<LocalDate> copy = Checks.nonEmpty(dates, what);
        for (int i = 1; i < copy.size(); i++) {
            if (!copy.get(i).isAfter(copy.get(i - 1))) {
                throw new IllegalArgumentException(what + "[" + i + "] = " + copy.get(i) + " is not after " + what + "[" + (i - 1)
                        + "] = " + copy.get(i - 1) + "; dates must increase");
            }
        }
        return copy;
    }
}
