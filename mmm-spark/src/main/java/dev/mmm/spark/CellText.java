package dev.mmm.spark;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The text of one cell of a Spark row, as a CSV file would hold it: what {@code mmm fit} would
 * read from that group's rows alone. Strings pass through (a CSV read by Spark without schema
 * inference keeps every cell's exact text); numbers get their shortest exact text (a double
 * parsed back from it is the same double, bit for bit); dates are ISO {@code yyyy-MM-dd}.
 */
final class CellText {

    private CellText() {
    }

    /** The cell's text, or null for an empty (null) cell. */
    static String of(Object cell) {
        if (cell == null) {
            return null;
        }
        if (cell instanceof String s) {
            return s;
        }
        if (cell instanceof Double d) {
            return Double.toString(d);
        }
        if (cell instanceof Float f) {
            // The float's exact value, as the double it widens to (Float.toString would round differently).
            return Double.toString(f.doubleValue());
        }
        if (cell instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (cell instanceof Number n) {
            return n.toString();
        }
        if (cell instanceof LocalDate d) {
            return d.toString();
        }
        if (cell instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (cell instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toLocalDate().toString();
        }
        if (cell instanceof LocalDateTime t) {
            return t.toLocalDate().toString();
        }
        if (cell instanceof Instant t) {
            return t.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        }
        return cell.toString();
    }
}
