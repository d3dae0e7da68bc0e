package dev.mmm.core.analysis;

import dev.mmm.core.data.DataException;
import dev.mmm.core.model.CompiledModel;
import java.time.LocalDate;

/**
 * Training rows {@code [from, to)} that an analysis looks at (ROAS, contributions, the
 * reference period of a response curve).
 */
public record Window(int from, int to) {

    public Window {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("a window needs 0 <= from < to, got [" + from + ", " + to + ")");
        }
    }

    /** Every training row of the model. */
    public static Window all(CompiledModel model) {
        return new Window(0, model.rows());
    }

    /**
     * The training rows dated from {@code first} to {@code last} inclusive; either may be null
     * for the start or end of the data. A range outside the data is an error naming the dates.
     */
    public static Window between(CompiledModel model, LocalDate first, LocalDate last) {
        return between(model.dates(), first, last);
    }

    /** The rows of {@code dates} (ascending) dated from {@code first} to {@code last} inclusive (null: open). */
    public static Window between(LocalDate[] dates, LocalDate first, LocalDate last) {
        int from = 0;
        while (first != null && from < dates.length && dates[from].isBefore(first)) {
            from++;
        }
        int to = dates.length;
        while (last != null && to > 0 && dates[to - 1].isAfter(last)) {
            to--;
        }
        if (from >= to) {
            throw new DataException("no data rows between " + (first == null ? "the start" : first) + " and "
                    + (last == null ? "the end" : last) + "; the data runs from " + dates[0] + " to "
                    + dates[dates.length - 1]);
        }
        return new Window(from, to);
    }

    public int rows() {
        return to - from;
    }
}
