package dev.mmm.report.view;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Argument checks shared by the view models: each failure is an {@link IllegalArgumentException}
 * whose one-line message names the record and the field (and the index of a bad value).
 */
public final class Checks {

    private Checks() {
    }

    /** Fails unless {@code value} is non-null. */
    public static <T> T notNull(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing (null)");
        }
        return value;
    }

    /** Fails unless {@code value} is non-null and not blank. */
    public static String name(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing or blank");
        }
        return value;
    }

    /** Fails unless {@code value} is a finite number. */
    public static double finite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " is " + value + "; it must be a finite number");
        }
        return value;
    }

    /** Fails unless {@code values} is non-null, non-empty and finite everywhere; returns a copy. */
    public static double[] finite(double[] values, String what) {
        notNull(values, what);
        if (values.length == 0) {
            throw new IllegalArgumentException(what + " is empty");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] is " + values[i] + "; every value must be a finite number");
            }
        }
        return values.clone();
    }

    /** Fails unless {@code values} has {@code expected} entries. */
    public static void length(double[] values, int expected, String what, String against) {
        if (values.length != expected) {
            throw new IllegalArgumentException(what + " has " + values.length + " values but " + against + " has " + expected);
        }
    }

    /** Fails unless {@code lower[i] <= upper[i]} everywhere. */
    public static void ordered(double[] lower, double[] upper, String what) {
        for (int i = 0; i < lower.length; i++) {
            if (lower[i] > upper[i]) {
                throw new IllegalArgumentException(what + ": q05[" + i + "] = " + lower[i] + " is above q95[" + i + "] = " + upper[i]);
            }
        }
    }

    /** Fails unless {@code lower <= upper}. */
    public static void ordered(double lower, double upper, String what) {
        if (lower > upper) {
            throw new IllegalArgumentException(what + ": q05 = " + lower + " is above q95 = " + upper);
        }
    }

    /** Fails unless the list is non-null and non-empty; returns an unmodifiable copy. */
    public static <T> List<T> nonEmpty(List<T> values, String what) {
        notNull(values, what);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new IllegalArgumentException(what + "[" + i + "] is missing (null)");
            }
        }
        return List.copyOf(values);
    }

    /** A null list becomes empty; null entries fail. Returns an unmodifiable copy. */
    public static <T> List<T> orEmpty(List<T> values, String what) {
        return values == null || values.isEmpty() ? List.of() : nonEmpty(values, what);
    }

    /** Fails if two names repeat (series and channels are told apart by name). */
    public static void distinct(Collection<String> names, String what) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException(what + ": the name '" + n + "' appears twice");
            }
        }
    }
}
