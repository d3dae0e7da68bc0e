package dev.mmm.core.model;

import dev.mmm.priors.Distribution;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A dated event with coefficient {@code event[name]}: either a dummy (1 on the row whose period
 * contains each date: the last row dated on or before it) or a smooth Gaussian bump
 * {@code exp(-0.5 ((date_t - date) / widthDays)^2)} around each date (width fixed, in days). Several
 * dates (a yearly holiday) share one coefficient. Prior null = default {@code Normal(0, 2)}.
 */
public record EventSpec(String name, List<LocalDate> dates, Shape shape, double widthDays, Distribution prior) {

    public enum Shape {
        DUMMY("dummy"), GAUSSIAN("gaussian");

        private final String jsonName;

        Shape(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }

        public static Shape fromJsonName(String name) {
            for (Shape s : values()) {
                if (s.jsonName.equals(name)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown event shape '" + name + "'; valid: dummy, gaussian");
        }
    }

    /** Widest Gaussian bump accepted, in days (ten years). */
    public static final double MAX_WIDTH_DAYS = 3652.5;
    /** Most dates one event may have. */
    public static final int MAX_DATES = 10_000;

    public EventSpec {
        Objects.requireNonNull(name, "event name");
        Objects.requireNonNull(shape, "event shape");
        dates = List.copyOf(dates);
        if (dates.isEmpty()) {
            throw new SpecException("event '" + name + "': needs at least one date");
        }
        if (dates.size() > MAX_DATES) {
            throw new SpecException("event '" + name + "': at most " + MAX_DATES + " dates, got " + dates.size());
        }
        if (shape == Shape.GAUSSIAN && !(widthDays > 0.0 && widthDays <= MAX_WIDTH_DAYS)) {
            throw new SpecException("event '" + name + "': widthDays must be > 0 and at most " + MAX_WIDTH_DAYS + ", got " + widthDays);
        }
        if (!(widthDays >= 0.0 && widthDays <= MAX_WIDTH_DAYS)) {
            throw new SpecException("event '" + name + "': widthDays must be between 0 and " + MAX_WIDTH_DAYS + ", got " + widthDays);
        }
    }

    public static EventSpec dummy(String name, LocalDate... dates) {
        return new EventSpec(name, List.of(dates), Shape.DUMMY, 0.0, null);
    }

    public static EventSpec gaussian(String name, double widthDays, LocalDate... dates) {
        return new EventSpec(name, List.of(dates), Shape.GAUSSIAN, widthDays, null);
    }
}
