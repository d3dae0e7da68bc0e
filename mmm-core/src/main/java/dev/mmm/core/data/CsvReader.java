package dev.mmm.core.data;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a comma-separated file with a header row into a {@link Dataset}.
 *
 * <p>The format is RFC 4180: fields may be quoted with {@code "}, a quote inside a quoted field
 * is doubled, quoted fields may hold commas and line breaks. Unquoted fields are trimmed. A
 * UTF-8 byte-order mark is ignored, blank lines are skipped. Dates must be ISO
 * ({@code yyyy-MM-dd}); numbers are plain decimals with an optional exponent (no thousands
 * separators, no {@code NaN}, no {@code Infinity}).
 *
 * <p>A column with an empty name (the index column pandas writes by default) is ignored unless it
 * is asked for, with a warning in {@link Dataset#readWarnings()}. Every input is read and checked
 * in time linear in its length.
 *
 * <p>Every error is a {@link DataException} whose one-line message names the source, the column
 * and the row. Rows are numbered as a spreadsheet shows them: the header is row 1, the first data
 * row is row 2. The reader never reorders rows, so row {@code i} of the data set (0-based) is
 * spreadsheet row {@code i + 2} unless blank lines were skipped.
 */
public final class CsvReader {

    private static final Set<String> MISSING_MARKERS = Set.of("na", "n/a", "nan", "null", "none", "-", "?", "#n/a");
    private static final Set<String> INFINITY_MARKERS = Set.of("inf", "+inf", "-inf", "infinity", "+infinity", "-infinity");

    private CsvReader() {
    }

    /** Reads every column besides the date column as numeric. */
    public static Dataset read(Path file, String dateColumn) throws IOException {
        return read(file, dateColumn, null);
    }

    /**
     * Reads the date column and the named numeric columns (in the order given); other columns
     * are ignored and may hold anything.
     *
     * @param columns the numeric columns to keep, or {@code null} for all columns besides the date
     * @throws DataException for any problem with the content, including a missing file
     * @throws IOException   when the file exists but cannot be read
     */
    public static Dataset read(Path file, String dateColumn, Collection<String> columns) throws IOException {
        String text;
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw new DataException(file + ": is a folder, not a CSV file");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": file not found");
        } catch (CharacterCodingException e) {
            throw new DataException(name + ": not a UTF-8 text file");
        }
        return parse(text, dateColumn, columns, name);
    }

    /** Reads CSV text; {@code sourceName} starts every error message (e.g. the file name). */
    public static Dataset parse(String text, String dateColumn, Collection<String> columns, String sourceName) {
        try {
            return parse(new StringReader(text), dateColumn, columns, sourceName);
        } catch (IOException e) {
            throw new IllegalStateException("a StringReader cannot fail", e);
        }
    }

    /** Reads CSV from a reader; {@code sourceName} starts every error message. */
    public static Dataset parse(Reader in, String dateColumn, Collection<String> columns, String sourceName)
            throws IOException {
        if (dateColumn == null || dateColumn.isBlank()) {
            throw new DataException("no date column given");
        }
        CsvRecords splitter = new CsvRecords(in, sourceName);
        List<String> header = splitter.next();
        if (header == null) {
            throw new DataException(sourceName + ": the file is empty");
        }
        int headerRow = splitter.recordNumber();
        Map<String, Integer> index = new HashMap<>();
        List<String> named = new ArrayList<>();
        List<Integer> unnamed = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                unnamed.add(i + 1);
                continue;
            }
            Integer previous = index.putIfAbsent(name, i);
            if (previous != null) {
                throw new DataException(sourceName + ": the header (row " + headerRow + ") names column '"
                        + MessageText.value(name) + "' twice");
            }
            named.add(name);
        }
        Integer dateIndex = index.get(dateColumn);
        if (dateIndex == null) {
            throw new DataException(sourceName + ": date column '" + MessageText.value(dateColumn)
                    + "' not found; the columns are: " + MessageText.names(named));
        }
        List<String> wanted = new ArrayList<>();
        if (columns == null) {
            for (String name : named) {
                if (!name.equals(dateColumn)) {
                    wanted.add(name);
                }
            }
        } else {
            for (String name : new LinkedHashSet<>(columns)) {
                if (!index.containsKey(name)) {
                    throw new DataException(sourceName + ": column '" + MessageText.value(name)
                            + "' not found; the columns are: " + MessageText.names(named));
                }
                if (name.equals(dateColumn)) {
                    throw new DataException(sourceName + ": column '" + MessageText.value(name)
                            + "' is the date column and cannot also be numeric");
                }
                wanted.add(name);
            }
        }
        List<String> warnings = new ArrayList<>();
        if (!unnamed.isEmpty()) {
            warnings.add(sourceName + ": " + (unnamed.size() == 1 ? "column " : "columns ")
                    + joinNumbers(unnamed) + " of the header (row " + headerRow + ") "
                    + (unnamed.size() == 1 ? "has no name and is" : "have no name and are")
                    + " ignored (a row index, as pandas writes by default?)");
        }
        int[] wantedIndex = new int[wanted.size()];
        for (int j = 0; j < wantedIndex.length; j++) {
            wantedIndex[j] = index.get(wanted.get(j));
        }

        List<LocalDate> dates = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        List<String> fields;
        while ((fields = splitter.next()) != null) {
            int row = splitter.recordNumber();
            rowNumbers.add(row);
            if (fields.size() != header.size()) {
                throw new DataException(sourceName + ": row " + row + " has " + fields.size() + " fields but the header has "
                        + header.size());
            }
            dates.add(parseDate(fields.get(dateIndex), sourceName, dateColumn, row));
            double[] values = new double[wantedIndex.length];
            for (int j = 0; j < wantedIndex.length; j++) {
                values[j] = parseNumber(fields.get(wantedIndex[j]), sourceName, wanted.get(j), row);
            }
            rows.add(values);
        }
        if (rows.isEmpty()) {
            throw new DataException(sourceName + ": the file has a header but no data rows");
        }
        LinkedHashMap<String, double[]> data = new LinkedHashMap<>();
        for (int j = 0; j < wanted.size(); j++) {
            double[] column = new double[rows.size()];
            for (int i = 0; i < column.length; i++) {
                column[i] = rows.get(i)[j];
            }
            data.put(wanted.get(j), column);
        }
        int[] sourceRows = rowNumbers.stream().mapToInt(Integer::intValue).toArray();
        return Dataset.of(dateColumn, dates.toArray(new LocalDate[0]), data).withSource(sourceRows, warnings);
    }

    private static String joinNumbers(List<Integer> positions) {
        List<String> text = new ArrayList<>();
        for (int p : positions) {
            text.add(Integer.toString(p));
        }
        return MessageText.names(text);
    }

    private static LocalDate parseDate(String text, String source, String column, int row) {
        if (text.isEmpty()) {
            throw new DataException(where(source, column, row) + ": empty cell, a date (yyyy-MM-dd) is needed");
        }
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new DataException(where(source, column, row) + ": '" + clip(text) + "' is not an ISO date (yyyy-MM-dd)");
        }
    }

    private static double parseNumber(String text, String source, String column, int row) {
        if (text.isEmpty()) {
            throw new DataException(where(source, column, row) + ": empty cell (missing values are not allowed)");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (INFINITY_MARKERS.contains(lower)) {
            throw new DataException(where(source, column, row) + ": infinite value '" + clip(text) + "'");
        }
        if (MISSING_MARKERS.contains(lower)) {
            throw new DataException(where(source, column, row) + ": missing value '" + clip(text) + "' (missing values are not allowed)");
        }
        if (!isPlainDecimal(text)) {
            throw new DataException(where(source, column, row) + ": '" + clip(text) + "' is not a number");
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new DataException(where(source, column, row) + ": '" + clip(text) + "' is too large for a double");
        }
        return value;
    }

    /**
     * Whether {@code text} is {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?}:
     * one pass over the characters, so that a cell of a million digits followed by a letter is
     * rejected in linear time (a backtracking regular expression took quadratic time on it).
     */
    static boolean isPlainDecimal(String text) {
        int n = text.length();
        int i = 0;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            intDigits++;
        }
        int fractionDigits = 0;
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                fractionDigits++;
            }
        }
        if (intDigits == 0 && fractionDigits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static String where(String source, String column, int row) {
        return source + ": column '" + MessageText.value(column) + "', row " + row;
    }

    /** Keeps a message on one short line whatever the cell holds. */
    private static String clip(String text) {
        return MessageText.value(text);
    }
}
