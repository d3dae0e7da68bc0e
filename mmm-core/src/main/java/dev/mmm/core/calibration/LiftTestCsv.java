package dev.mmm.core.calibration;

import dev.mmm.core.data.CsvRecords;
import dev.mmm.core.data.DataException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lift tests from a CSV file, one test a row, columns by header name (any order):
 * {@code channel, start, end, delta_spend, lift, se} and optionally {@code measured_until} and
 * {@code likelihood} ({@code normal} or {@code gamma}; empty cells take the defaults). Dates are
 * ISO (yyyy-mm-dd), amounts in the data's units. Errors name the file, row and column.
 */
public final class LiftTestCsv {

    private static final List<String> REQUIRED = List.of("channel", "start", "end", "delta_spend", "lift", "se");
    private static final List<String> OPTIONAL = List.of("measured_until", "likelihood");

    private LiftTestCsv() {
    }

    public static List<LiftTest> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        }
    }

    public static List<LiftTest> read(Reader in, String source) throws IOException {
        return rows(in, source, false).stream().map(Row::test).toList();
    }

    /** One row of a lift-test file: the geo it was run in (null in a national file) and the test. */
    public record Row(String geo, LiftTest test) {
    }

    /**
     * Lift tests run in geos: the same columns and a required {@code geo} column naming the geo of
     * each test (a geo model's lift tests, see docs/geo.md).
     */
    public static List<Row> readWithGeo(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return rows(in, file.toString(), true);
        }
    }

    private static List<Row> rows(Reader in, String source, boolean withGeo) throws IOException {
        List<String> required = new ArrayList<>(REQUIRED);
        if (withGeo) {
            required.add("geo");
        }
        CsvRecords records = new CsvRecords(in, source);
        List<String> header = records.next();
        if (header == null) {
            throw new DataException(source + ": empty file; expected a header with " + String.join(", ", REQUIRED));
        }
        List<String> names = header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        for (String column : required) {
            if (!names.contains(column)) {
                throw new DataException(source + ": no column '" + column + "'; a " + (withGeo ? "geo " : "")
                        + "lift-test file needs " + String.join(", ", required) + " (and optionally "
                        + String.join(", ", OPTIONAL) + ")");
            }
        }
        for (String name : names) {
            if (!required.contains(name) && !OPTIONAL.contains(name)) {
                throw new DataException(source + ": unknown column '" + name + "'; valid: "
                        + String.join(", ", required) + ", " + String.join(", ", OPTIONAL)
                        + (name.equals("geo") ? " (a geo column is for the lift tests of a geo fit)" : ""));
            }
        }
        List<Row> tests = new ArrayList<>();
        List<String> row;
        while ((row = records.next()) != null) {
            int number = records.recordNumber();
            String where = source + " row " + number;
            if (row.size() != names.size()) {
                throw new DataException(where + ": " + row.size() + " fields, the header has " + names.size());
            }
            String channel = cell(row, names, "channel");
            LocalDate start = date(row, names, "start", where);
            LocalDate end = date(row, names, "end", where);
            double delta = number(row, names, "delta_spend", where);
            double lift = number(row, names, "lift", where);
            double se = number(row, names, "se", where);
            LocalDate until = names.contains("measured_until") && !cell(row, names, "measured_until").isEmpty()
                    ? date(row, names, "measured_until", where) : null;
            LiftLikelihood likelihood = null;
            if (names.contains("likelihood") && !cell(row, names, "likelihood").isEmpty()) {
                try {
                    likelihood = LiftLikelihood.fromJsonName(cell(row, names, "likelihood"));
                } catch (IllegalArgumentException e) {
                    throw new DataException(where + " column 'likelihood': " + e.getMessage());
                }
            }
            String geo = null;
            if (withGeo) {
                geo = cell(row, names, "geo");
                if (geo.isEmpty()) {
                    throw new DataException(where + " column 'geo': empty; each test names the geo it was run in");
                }
            }
            try {
                tests.add(new Row(geo, new LiftTest(channel, start, end, delta, lift, se, until, likelihood)));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new DataException(where + ": " + e.getMessage());
            }
        }
        return tests;
    }

    private static String cell(List<String> row, List<String> names, String column) {
        return row.get(names.indexOf(column)).trim();
    }

    private static LocalDate date(List<String> row, List<String> names, String column, String where) {
        String v = cell(row, names, column);
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new DataException(where + " column '" + column + "': '" + v + "' is not an ISO date (yyyy-mm-dd)");
        }
    }

    private static double number(List<String> row, List<String> names, String column, String where) {
        String v = cell(row, names, column);
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new DataException(where + " column '" + column + "': '" + v + "' is not a finite number");
        }
    }
}
